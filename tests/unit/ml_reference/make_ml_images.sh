#!/usr/bin/env bash
# Generates the classifier reference images into OUT_DIR as binary PPM (P6, 8-bit RGB), the one
# pixel format both sides read: nsfwjs in Node (nsfwjs_reference.mjs) and our engine
# (skyloom-ml-reference-check). Any alpha is flattened onto white first. The list is fixed and
# every random source is seeded, so the set is the same on every run. Idempotent: a stamp
# holding this script's checksum skips the work when the images are current; generation goes
# to a temp dir renamed into place.
#   make_ml_images.sh OUT_DIR
set -euo pipefail
out=${1:?usage: make_ml_images.sh OUT_DIR}
here=$(cd "$(dirname "$0")" && pwd)
stamp_value=$(cksum <"$here/make_ml_images.sh")
if ! convert -version 2>/dev/null | grep -q ImageMagick; then
    echo "make_ml_images: ImageMagick is not installed; run scripts/setup" >&2
    exit 3
fi
mkdir -p "$(dirname "$out")"
exec 9>"${out%/}.lock"
flock 9
if [ -f "$out/stamp" ] && [ "$(cat "$out/stamp")" = "$stamp_value" ]; then exit 0; fi
tmp=$(mktemp -d "${out%/}.tmp.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

ppm() {  # ppm NAME convert-args...: one image, flattened to opaque 8-bit RGB
    local name=$1
    shift
    convert "$@" -background white -alpha remove -alpha off -colorspace sRGB -type TrueColor \
        -depth 8 "ppm:$tmp/$name.ppm"
}
font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf

# Sizes vary on purpose: 224x224 skips the resize (as in nsfwjs), the others exercise it
# upwards, downwards and with extreme aspect ratios.
ppm 01_gradient_red_blue -size 300x200 gradient:red-blue
ppm 02_radial_224 -size 224x224 radial-gradient:white-black
ppm 03_plasma_fractal -seed 1 -size 400x300 plasma:fractal
ppm 04_plasma_224 -seed 7 -size 224x224 plasma:fractal
ppm 05_plasma_skin -seed 3 -size 320x480 plasma:tan-pink
ppm 06_noise_random -seed 11 -size 256x256 xc:gray +noise Random
ppm 07_noise_gaussian -seed 12 -size 180x240 xc:gray50 +noise Gaussian
ppm 08_text_black_on_white -size 400x200 xc:white -font "$font" -pointsize 56 -fill black \
    -gravity center -annotate 0 'Skyloom'
ppm 09_text_white_on_blue -size 500x500 xc:navy -font "$font" -pointsize 40 -fill white \
    -gravity center -annotate 0 'when the build\nis green'
ppm 10_checkerboard -size 320x320 pattern:checkerboard -scale 400%
ppm 11_hexagons -size 300x300 pattern:hexagons
ppm 12_rose rose: -resize 300%
ppm 13_logo logo:
ppm 14_wizard wizard:
ppm 15_granite -size 400x400 tile:granite:
ppm 16_netscape netscape:
ppm 17_tiny_upscaled -seed 5 -size 7x5 plasma:fractal
ppm 18_thin_strip -size 1000x50 gradient:yellow-purple
ppm 19_shapes -size 400x300 xc:white -fill red -draw 'circle 120,150 120,60' -fill blue \
    -draw 'rectangle 220,60 360,240' -fill green -draw 'polygon 40,280 200,200 360,290'
ppm 20_solid_sky -size 224x224 xc:skyblue
ppm 21_hue_wheel -size 360x240 gradient: -rotate 90 -function Sinusoid 1,90 \
    \( -size 240x360 gradient:red-cyan -rotate 90 \) -compose Multiply -composite
ppm 22_blurred_plasma -seed 21 -size 640x480 plasma:fractal -blur 0x6
# Photos and artwork from Debian packages scripts/setup installs (emscripten, chromium).
for f in /usr/share/emscripten/tests/screenshot.jpg /usr/share/emscripten/tests/cube_explosion.png \
    /usr/share/pixmaps/debian-logo.png /usr/share/pixmaps/chromium.png; do
    if [ ! -f "$f" ]; then
        echo "make_ml_images: $f missing (its Debian package comes with scripts/setup)" >&2
        exit 3
    fi
done
ppm 23_photo_emscripten_screenshot /usr/share/emscripten/tests/screenshot.jpg
ppm 24_render_cube_explosion /usr/share/emscripten/tests/cube_explosion.png
ppm 25_debian_logo /usr/share/pixmaps/debian-logo.png
ppm 26_chromium_icon /usr/share/pixmaps/chromium.png

echo "$stamp_value" >"$tmp/stamp"
rm -rf "$out"
mv "$tmp" "$out"
trap - EXIT
