"""Prerequisite cycles in linear time: iterative Tarjan, then one concrete cycle per group.

Iterative, because a chain of a few thousand prerequisites would exhaust Python's recursion
limit; linear in designs plus references, because curriculum repositories are large.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence


def strongly_connected(nodes: Sequence[str], edges: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components, each listed in discovery order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    for start in nodes:
        if start in index:
            continue
        work: list[tuple[str, int]] = [(start, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            successors = edges.get(node, ())
            if child < len(successors):
                work.append((node, child + 1))
                nxt = successors[child]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component[::-1])
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return components


def cycles(nodes: Sequence[str], edges: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """One cycle per group of designs that require each other, starting at its smallest id.

    The cycle is returned without repeating its start: ``[a, b, c]`` means a → b → c → a.
    """
    found = []
    for component in strongly_connected(nodes, edges):
        start = min(component)
        if len(component) == 1 and start not in edges.get(start, ()):
            continue
        found.append(_shortest_cycle(start, set(component), edges))
    return found


def _shortest_cycle(start: str, members: set[str], edges: Mapping[str, Sequence[str]]) -> list[str]:
    """Breadth-first from ``start`` back to itself inside its component."""
    parent: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in edges.get(node, ()):
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(parent[path[-1]])
                return path[::-1]
            if nxt in members and nxt not in parent:
                parent[nxt] = node
                queue.append(nxt)
    return [start]  # unreachable for a real component
