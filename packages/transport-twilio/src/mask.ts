/** Masks a phone number for logs: `+447400100001` becomes `+447*******01`. */
export function maskPhone(phone: string): string {
  if (phone.length <= 6) {
    return '***';
  }

  return `${phone.slice(0, 4)}${'*'.repeat(phone.length - 6)}${phone.slice(-2)}`;
}

/** Masks every phone number inside a provider message, which often echoes the recipient. */
export function maskPhonesIn(text: string): string {
  return text.replace(/\+?\d[\d ]{5,}\d/g, maskPhone);
}
