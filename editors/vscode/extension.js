// Starts `mcred server` for YAML files; mcred itself skips files without the `mcred:` marker.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function settings() {
  const config = vscode.workspace.getConfiguration("mcred");
  const options = { debounceMs: config.get("debounceMs") };
  if (config.get("baseline")) options.baseline = config.get("baseline");
  if (config.get("profile")) options.profile = config.get("profile");
  return { command: config.get("path") || "mcred", options };
}

async function activate(context) {
  const { command, options } = settings();
  client = new LanguageClient(
    "mcred",
    "mcred",
    { command, args: ["server"] },
    {
      documentSelector: [{ scheme: "file", language: "yaml" }],
      initializationOptions: options,
      synchronize: { configurationSection: "mcred" },
    },
  );
  await client.start();
  context.subscriptions.push({ dispose: () => client && client.stop() });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
