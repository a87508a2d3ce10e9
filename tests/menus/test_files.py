"""Files named by people are regular files of bounded size, checked before they are read."""

from __future__ import annotations

from pathlib import Path

import pytest

from menus.files import FileRefused, check_bounded, read_bounded


def test_a_file_up_to_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "menu.yaml"
    path.write_bytes(b"x" * 10)
    assert read_bounded(path, 10) == b"x" * 10
    check_bounded(path, 10)


@pytest.mark.parametrize("check", [read_bounded, check_bounded])
def test_one_byte_over_the_limit_is_refused(tmp_path: Path, check: object) -> None:
    path = tmp_path / "menu.yaml"
    path.write_bytes(b"x" * 11)
    with pytest.raises(FileRefused) as info:
        check(path, 10)  # type: ignore[operator]
    assert info.value.code == "file_too_big"
    assert info.value.message("zh") == "文件“menu.yaml”有 11 字节，超过了上限 10 字节，没有读取。"


@pytest.mark.parametrize("check", [read_bounded, check_bounded])
@pytest.mark.parametrize("where", ["/dev/zero", "/dev/urandom", "folder"])
def test_devices_and_folders_are_refused(tmp_path: Path, check: object, where: str) -> None:
    path = tmp_path if where == "folder" else Path(where)
    with pytest.raises(FileRefused) as info:
        check(path, 1_000)  # type: ignore[operator]
    assert info.value.code in ("file_not_regular", "file_unreadable")
    assert "regular file" in info.value.what or "cannot be read" in info.value.what


def test_a_missing_file_is_named_with_the_reason(tmp_path: Path) -> None:
    with pytest.raises(FileRefused) as info:
        read_bounded(tmp_path / "nope.csv", 10)
    assert info.value.code == "file_unreadable"
    assert str(info.value) == (
        "Cannot read the file 'nope.csv' (No such file or directory). "
        "Check its name and permissions."
    )
