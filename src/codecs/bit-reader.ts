/**
 * MSB-first bit reader for codec headers (H.264 SPS, AudioSpecificConfig, ...).
 *
 * It never throws: a read past the end sets `overrun` and yields 0, so a parser can read a whole
 * structure and check `overrun` once at the end instead of guarding every field.
 */

/** Exp-Golomb codes with more leading zeros than this cannot fit a 32-bit value; treat them as corrupt. */
const MAX_EXP_GOLOMB_LEADING_ZEROS = 31;

export class BitReader {
  private readonly bytes: Uint8Array;
  private readonly totalBits: number;
  private position = 0;
  /** Set once any read went past the end (or an exp-Golomb code was impossibly long); sticky. */
  overrun = false;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.totalBits = bytes.length * 8;
  }

  /** Bits not yet consumed (0 after an overrun). */
  get bitsLeft(): number {
    return this.totalBits - this.position;
  }

  /** Bits consumed so far. */
  get bitPosition(): number {
    return this.position;
  }

  readBit(): number {
    if (this.position >= this.totalBits) {
      this.overrun = true;
      return 0;
    }
    const byte = this.bytes[this.position >>> 3]!;
    const bit = (byte >>> (7 - (this.position & 7))) & 1;
    this.position++;
    return bit;
  }

  /** Unsigned value of the next `n` bits, 0 <= n <= 32. Other `n` counts as an overrun. */
  readBits(n: number): number {
    if (!Number.isInteger(n) || n < 0 || n > 32) {
      this.overrun = true;
      return 0;
    }
    if (n > this.bitsLeft) {
      this.overrun = true;
      this.position = this.totalBits;
      return 0;
    }
    let value = 0;
    // Multiply instead of shifting so 32-bit values stay unsigned.
    for (let i = 0; i < n; i++) value = value * 2 + this.readBit();
    return value;
  }

  skipBits(n: number): void {
    if (!Number.isInteger(n) || n < 0 || n > this.bitsLeft) {
      this.overrun = true;
      this.position = this.totalBits;
      return;
    }
    this.position += n;
  }

  /** Unsigned exp-Golomb ue(v). */
  readUE(): number {
    let leadingZeros = 0;
    while (this.readBit() === 0) {
      if (this.overrun) return 0;
      leadingZeros++;
      if (leadingZeros > MAX_EXP_GOLOMB_LEADING_ZEROS) {
        this.overrun = true;
        return 0;
      }
    }
    if (this.overrun) return 0;
    const suffix = this.readBits(leadingZeros);
    if (this.overrun) return 0;
    return 2 ** leadingZeros - 1 + suffix;
  }

  /** Signed exp-Golomb se(v): 1, -1, 2, -2, ... */
  readSE(): number {
    const k = this.readUE();
    if (k === 0) return 0;
    return k % 2 === 1 ? (k + 1) / 2 : -(k / 2);
  }

  /** Skip to the next byte boundary. */
  byteAlign(): void {
    const rest = (8 - (this.position & 7)) & 7;
    this.skipBits(rest);
  }
}

/**
 * RBSP from a NAL unit payload: drops each emulation-prevention byte (the 0x03 in 00 00 03),
 * which encoders insert so the payload never mimics a start code.
 */
export function removeEmulationPrevention(nal: Uint8Array): Uint8Array {
  const out = new Uint8Array(nal.length);
  let length = 0;
  let zeros = 0;
  for (let i = 0; i < nal.length; i++) {
    const byte = nal[i]!;
    if (zeros >= 2 && byte === 0x03) {
      zeros = 0;
      continue;
    }
    zeros = byte === 0 ? zeros + 1 : 0;
    out[length++] = byte;
  }
  return out.subarray(0, length);
}
