#!/usr/bin/env bash
# Regenerates the tiny media fixtures in test/fixtures/ from ffmpeg's synthetic lavfi
# sources (sine tones, test patterns, flat colours), so nothing copyrighted is committed.
#
# Usage:  scripts/make-fixtures.sh [output-dir]        (default: test/fixtures)
# Needs:  ffmpeg with libmp3lame, libx264, aac and libwebp (Debian: apt-get install ffmpeg)
#
# The outputs are committed; rerun this only when a fixture has to change. `-bitexact`
# and `-map_metadata -1` keep encoder versions and dates out of the files, so the same
# ffmpeg build produces byte-identical output (another build may differ by a few bytes,
# which the tests do not depend on).
#
# What each file is for:
#   tiny.mp3   ~2 s, 32 kbps mono, ID3v2 header: download / media handler happy paths
#   long.mp3   90 s, 16 kbps mono: seeking in <audio> (RELIABILITY.md B2)
#   tone-a.mp3 / tone-b.mp3  5 s each, 16 kbps mono, two pitches: gapless playback and
#              the crossfade (a 2 s fade needs songs longer than 3 s; issue 15)
#   tiny.mp4   2 s, 160x90 H.264 + AAC: video happy paths
#   seek.mp4   90 s, 160x90, keyframe every 1 s, moov atom AFTER mdat (not faststart):
#              the browser must fetch the end of the file with a Range request before it
#              can play or seek, so this is the file that proves B2 (electron#38749)
#   cover.jpg  300x300 JPEG; cover.png and cover.webp: tiny covers of the other types
#   cover-loop.mp4  2 s, 96x96 H.264, no sound, faststart: the animated cover
#              (upstream video_cover_url, issue 16), a different asset from tiny.mp4
set -euo pipefail

out="${1:-$(cd "$(dirname "$0")/.." && pwd)/test/fixtures}"
mkdir -p "$out"

ff() {
  ffmpeg -hide_banner -loglevel error -y "$@"
}

# Shared flags: no metadata, no encoder version strings.
clean=(-map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact)

# --- audio -----------------------------------------------------------------------------
ff -f lavfi -i 'sine=frequency=440:sample_rate=22050:duration=2' \
  "${clean[@]}" -ac 1 -c:a libmp3lame -b:a 32k \
  -metadata title='Songshelf fixture' -id3v2_version 3 \
  "$out/tiny.mp3"

for tone in a:523 b:659; do
  ff -f lavfi -i "sine=frequency=${tone#*:}:sample_rate=22050:duration=5" \
    "${clean[@]}" -ac 1 -c:a libmp3lame -b:a 16k -id3v2_version 3 \
    "$out/tone-${tone%%:*}.mp3"
done

ff -f lavfi -i 'sine=frequency=330:sample_rate=22050:duration=90' \
  "${clean[@]}" -ac 1 -c:a libmp3lame -b:a 16k -id3v2_version 3 \
  "$out/long.mp3"

# --- video -----------------------------------------------------------------------------
# x264 with a single thread is deterministic; the test pattern shows a running counter,
# which makes a wrong seek visible in screenshots.
x264=(-c:v libx264 -preset veryfast -tune stillimage -pix_fmt yuv420p -threads 1)

ff -f lavfi -i 'testsrc=size=160x90:rate=25:duration=2' \
  -f lavfi -i 'sine=frequency=523:sample_rate=22050:duration=2' \
  "${clean[@]}" "${x264[@]}" -crf 35 -g 25 \
  -c:a aac -ac 1 -b:a 24k -shortest \
  "$out/tiny.mp4"

# No `-movflags +faststart`: the mp4 muxer then writes moov after mdat, at the end.
ff -f lavfi -i 'testsrc=size=160x90:rate=25:duration=90' \
  -f lavfi -i 'sine=frequency=262:sample_rate=22050:duration=90' \
  "${clean[@]}" "${x264[@]}" -crf 42 -g 25 -keyint_min 25 -sc_threshold 0 \
  -c:a aac -ac 1 -b:a 16k -shortest \
  "$out/seek.mp4"

# --- covers ----------------------------------------------------------------------------
ff -f lavfi -i 'testsrc=size=300x300:rate=1:duration=1' \
  "${clean[@]}" -frames:v 1 -q:v 8 "$out/cover.jpg"

ff -f lavfi -i 'color=c=0x336699:size=64x64:duration=1' \
  "${clean[@]}" -frames:v 1 "$out/cover.png"

ff -f lavfi -i 'color=c=0x993366:size=64x64:duration=1' \
  "${clean[@]}" -frames:v 1 -c:v libwebp -quality 50 "$out/cover.webp"

# The animated cover: silent, square, moov first like Suno's loops.
ff -f lavfi -i 'testsrc2=size=96x96:rate=12:duration=2' \
  "${clean[@]}" "${x264[@]}" -crf 40 -g 24 -an -movflags +faststart \
  "$out/cover-loop.mp4"

# --- check -----------------------------------------------------------------------------
# seek.mp4 must keep moov after mdat; ffprobe's trace prints top-level atoms in order.
order=$(ffprobe -v trace "$out/seek.mp4" 2>&1 | grep -oE "type:'(moov|mdat)'" | head -2 | tr '\n' ' ')
if [[ "$order" != "type:'mdat' type:'moov' " ]]; then
  echo "seek.mp4: expected mdat before moov, got: $order" >&2
  exit 1
fi

ls -l "$out"
