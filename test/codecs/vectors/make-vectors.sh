#!/usr/bin/env bash
# Regenerates test/codecs/vectors/*.json: encodes short clips with the system's ffmpeg (Debian's),
# extracts the header bytes our codec parsers read and records what ffprobe says about each clip.
# Needs ffmpeg/ffprobe with libx264, libx265, libaom, libvpx, libmp3lame and libopus, and node.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec node "$here/make-vectors.mjs"
