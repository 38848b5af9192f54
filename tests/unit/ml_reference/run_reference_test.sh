#!/usr/bin/env bash
# CTest `ml_reference`: our classifier against nsfwjs (tfjs, pure JS cpu backend) on the images
# make_ml_images.sh generates. The nsfwjs run (~1 s per image) is cached next to the images and
# redone only when the images, the reference script or package-lock.json change.
#   run_reference_test.sh REPO_DIR WORK_DIR MODEL.skm CHECK_BINARY
set -euo pipefail
repo=$1 work=$2 model=$3 check=$4
here="$repo/tests/unit/ml_reference"
images="$work/images"
"$here/make_ml_images.sh" "$images"
reference="$work/nsfwjs_reference.json"
key=$(cat "$images/stamp" "$here/nsfwjs_reference.mjs" "$repo/package-lock.json" | cksum)
exec 9>"$work/reference.lock"
flock 9
if [ ! -f "$reference" ] || [ "$(cat "$work/reference.key" 2>/dev/null)" != "$key" ]; then
    echo "ml_reference: running nsfwjs on $(ls "$images"/*.ppm | wc -l) images (about 1 s each)"
    NODE_PATH=/usr/share/nodejs node "$here/nsfwjs_reference.mjs" "$reference" "$images"/*.ppm \
        >"$work/nsfwjs.log" 2>&1 || { cat "$work/nsfwjs.log" >&2; exit 1; }
    echo "$key" >"$work/reference.key"
fi
exec "$check" "$model" "$reference" "$images"
