#!/bin/sh
# Regenerates the app icons with ffmpeg (no image editor needed): a rounded square with a play mark.
# icon.png 512x512 (electron-builder derives the .icns/.ico from it), tray.png 32x32, tray@2x.png 64x64.
set -e
cd "$(dirname "$0")"
inside='between(X,196,366)*lte(abs(Y-256),(366-X)*0.62)'
corner='lte(hypot(max(abs(X-255.5)-184,0),max(abs(Y-255.5)-184,0)),72)'
ffmpeg -v error -y -f lavfi -i "color=c=black:s=512x512,format=rgba" -frames:v 1 -vf \
  "geq=r='if(${inside},255,32+Y/6)':g='if(${inside},255,70+X/10)':b='if(${inside},255,200-Y/10)':a='if(${corner},255,0)'" icon.png
ffmpeg -v error -y -i icon.png -vf scale=32:32:flags=lanczos tray.png
ffmpeg -v error -y -i icon.png -vf scale=64:64:flags=lanczos tray@2x.png
