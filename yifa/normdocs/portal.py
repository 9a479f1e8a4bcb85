"""The normative documents' part of the public portal home and search."""

from . import queries


def latest(limit):
    return [
        {"title": str(d), "url": d.get_public_url(), "date": d.published_on, "kind": "规范性文件"}
        for d in queries.page_of_documents(queries.public_documents(), 1, limit)["rows"]
    ]


def search(q, limit):
    return [
        {"title": str(d), "url": d.get_public_url(), "date": d.published_on, "kind": "规范性文件"}
        for d in queries.page_of_documents(queries.public_documents(q=q), 1, limit)["rows"]
    ]


SECTIONS = [("行政规范性文件", latest)]
SERVICES = [("规范性文件库", "/normdocs/", "查询本市现行有效及已失效、废止的行政规范性文件，可下载开放数据")]
