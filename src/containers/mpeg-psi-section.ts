/**
 * CRC-32/MPEG-2 of PSI sections (polynomial 0x04C11DB7, no reflection): a section whose CRC
 * fails is garbage or damage and is ignored rather than trusted.
 */
const table = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << 24;
    for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
    t[i] = c >>> 0;
  }
  return t;
})();

/** True when the CRC_32 at the end of `section` matches (the CRC over the whole section is 0). */
export function psiSectionCrcOk(section: Uint8Array): boolean {
  let crc = 0xffffffff;
  for (let i = 0; i < section.length; i++) crc = ((crc << 8) ^ table[((crc >>> 24) ^ section[i]!) & 0xff]!) >>> 0;
  return crc === 0;
}

/** Largest section_length of a PAT or PMT (ISO/IEC 13818-1 caps them at 1021 bytes). */
export const MAX_PSI_SECTION_LENGTH = 1021;
