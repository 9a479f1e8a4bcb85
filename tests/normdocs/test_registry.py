"""Full text taken from uploads in the encodings offices use."""

import pytest

from yifa.core.errors import YifaError
from yifa.normdocs.services import extract_text


def test_plain_text_in_gb18030_is_read_without_garbling():
    text = "江临市临时救助实施办法\n第一条 为规范临时救助工作，制定本办法。"
    assert extract_text(content=text.encode("gb18030"), name="办法.txt") == text
    assert extract_text(content=text.encode("utf-8"), name="办法.txt") == text


def test_undecodable_text_is_refused_naming_the_file():
    with pytest.raises(YifaError, match="办法.txt"):
        extract_text(content=b"\xff\xfe\x00\xd8" * 10, name="办法.txt")
