"""Every parameterless page and API list, found from the URL patterns and the OpenAPI schema, so the
query-budget test and ``bench/`` cover a new module's pages without a list kept by hand."""

from __future__ import annotations

SKIP_NAMESPACES = {"admin", "api"}
SKIP_NAMES = {"login", "logout"}
SKIP_URL_WORDS = ("export", "download", "logout", "delete", "/jobs/")


def _walk(patterns, namespace=""):
    from django.urls import URLPattern, URLResolver

    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.pattern.converters or getattr(entry.pattern, "regex", None) and entry.pattern.regex.groups:
                continue
            ns = entry.namespace or ""
            yield from _walk(entry.url_patterns, f"{namespace}:{ns}".strip(":") if ns else namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            if entry.pattern.converters or entry.pattern.regex.groups:
                continue
            yield namespace, entry.name


def discover_pages() -> list[tuple[str, str, bool]]:
    """(name, url, public) for every parameterless page: the staff pages and the portal."""
    from django.urls import NoReverseMatch, get_resolver, reverse

    found, seen = [], set()
    for namespace, name in _walk(get_resolver().url_patterns):
        top = namespace.split(":")[0]
        if top in SKIP_NAMESPACES or name in SKIP_NAMES:
            continue
        try:
            url = reverse(f"{namespace}:{name}" if namespace else name)
        except NoReverseMatch:
            continue
        if url in seen or any(word in url for word in SKIP_URL_WORDS):
            continue
        seen.add(url)
        public = not url.startswith("/staff/")
        found.append((f"{namespace}:{name}" if namespace else name, url, public))
    return sorted(found, key=lambda f: (f[2], f[1]))


def discover_api() -> list[tuple[str, str, bool]]:
    """(operation id, path, public) for every GET endpoint of the API without a path parameter."""
    from yifa.api import api

    schema = api.get_openapi_schema()
    found = []
    for path, operations in schema["paths"].items():
        if "{" in path or "get" not in operations:
            continue
        get = operations["get"]
        found.append((get.get("operationId", path), path, not get.get("security")))
    return sorted(found, key=lambda f: f[1])


class SqlLog(list):
    """Every statement run inside the block, as sent (parameters inlined where the driver can say).
    Not CaptureQueriesContext: the test client's request_started signal clears the connection's query log
    mid-block, so it counts 0 queries for a request."""

    def __enter__(self):
        from django.db import connection

        self._wrapper = connection.execute_wrapper(self._record)
        self._wrapper.__enter__()
        return self

    def __exit__(self, *exc):
        self._wrapper.__exit__(*exc)

    def _record(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        try:
            text = context["connection"].ops.last_executed_query(context["cursor"], sql, params)
        except Exception:  # noqa: BLE001 - a statement the driver cannot render is kept as written
            text = sql
        self.append(text or sql)
        return result
