/** Pure readers of `ffmpeg -version`, `-filters` and `-encoders` output (tested on literal output). */

/** `ffmpeg version 5.1.9-0+deb12u1 Copyright …` → `5.1.9-0+deb12u1`. */
export function parseVersion(versionOutput: string): string | undefined {
  const match = /^\S+ version (\S+)/m.exec(versionOutput);
  return match?.[1];
}

/** Names in the second column of `ffmpeg -filters` (lines like ` T.. xfade  VV->V  Cross fade…`). */
export function parseFilterNames(filtersOutput: string): Set<string> {
  const names = new Set<string>();
  for (const line of filtersOutput.split('\n')) {
    const match = /^\s*[A-Z.|]{2,3}\s+(\w+)\s+\S+->\S+/.exec(line);
    if (match?.[1]) names.add(match[1]);
  }
  return names;
}

/** Names in `ffmpeg -encoders` (lines like ` V....D libx264  libx264 H.264 …`). */
export function parseEncoderNames(encodersOutput: string): Set<string> {
  const names = new Set<string>();
  for (const line of encodersOutput.split('\n')) {
    const match = /^\s*[VAS][A-Z.]{5}\s+(\S+)\s/.exec(line);
    if (match?.[1]) names.add(match[1]);
  }
  return names;
}

export interface FilterCapabilities {
  hasXfade: boolean;
  hasDrawtext: boolean;
  hasSidechaincompress: boolean;
}

export function capabilitiesFrom(filters: ReadonlySet<string>): FilterCapabilities {
  return {
    hasXfade: filters.has('xfade'),
    hasDrawtext: filters.has('drawtext'),
    hasSidechaincompress: filters.has('sidechaincompress'),
  };
}
