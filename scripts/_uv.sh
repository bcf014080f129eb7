# Sourced by scripts/start and scripts/test: make sure uv (pinned) is available as $UV.
UV_VERSION=0.13.8
if command -v uv >/dev/null 2>&1 && uv --version | grep -q "$UV_VERSION"; then
  UV=uv
else
  if ! python3 -m uv --version 2>/dev/null | grep -q "$UV_VERSION"; then
    echo "Installing uv $UV_VERSION from PyPI..." >&2
    python3 -m pip install --quiet --disable-pip-version-check "uv==$UV_VERSION" >&2 \
      || python3 -m pip install --quiet --user --disable-pip-version-check "uv==$UV_VERSION" >&2
  fi
  UV="python3 -m uv"
fi
export UV
