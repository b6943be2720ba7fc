import { u8 } from '../util/bytes.js';

const TS_SYNC = 0x47;
/** Sync bytes that must line up before we call it a transport stream (fewer only in tiny files). */
export const TS_SYNC_PACKETS_REQUIRED = 3;
/** Packets checked when the head holds them: a text file can have "G" at three spots 188 apart, not at eight. */
export const TS_SYNC_PACKETS_CHECKED = 8;

export interface TsPacketLayout {
  /** 188 for plain TS, 192 for M2TS (Blu-ray/AVCHD: a 4-byte timestamp before each packet). */
  packetSize: 188 | 192;
  /** Offset of the first sync byte: 0 for TS, 4 for M2TS. */
  firstSync: number;
}

/**
 * Recognises MPEG-TS by the 0x47 sync byte repeating at the packet pitch, in every packet the
 * head holds up to TS_SYNC_PACKETS_CHECKED. Fewer than three are accepted only when the whole
 * file is shorter than three packets.
 */
export function sniffTsPacketLayout(head: Uint8Array, fileSize: number): TsPacketLayout | null {
  const candidates: TsPacketLayout[] = [
    { packetSize: 188, firstSync: 0 },
    { packetSize: 192, firstSync: 4 },
  ];
  for (const layout of candidates) {
    let seen = 0;
    let ok = true;
    for (let i = 0; i < TS_SYNC_PACKETS_CHECKED; i++) {
      const o = layout.firstSync + i * layout.packetSize;
      if (o >= head.length) break;
      if (u8(head, o) !== TS_SYNC) {
        ok = false;
        break;
      }
      seen++;
    }
    const packetsInFile = Math.ceil((fileSize - layout.firstSync) / layout.packetSize);
    if (ok && seen >= Math.min(TS_SYNC_PACKETS_REQUIRED, Math.max(packetsInFile, 1))) return layout;
  }
  return null;
}
