"""Rule files shipped with the scorers (voice verbs, place words): read once, checked, clear errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from framing.errors import FramingError, yaml_error


def read_rules(path: Path, expected_format: str, what: str) -> dict[str, Any]:
    """The YAML mapping in `path`, after checking its `format` key; FramingError otherwise."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise FramingError(f"{path}: cannot read {what} ({exc}); reinstall framing") from None
    except yaml.YAMLError as exc:
        raise yaml_error(exc, path, f"cannot read {what}: not valid YAML", "reinstall framing") from None
    if not isinstance(data, dict) or data.get("format") != expected_format:
        raise FramingError(f"{path}: expected format {expected_format!r}; reinstall framing")
    return data
