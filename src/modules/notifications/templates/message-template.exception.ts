/** Thrown when the data cannot produce a correct message (bad zone, bad date, unsafe link, missing field). */
export class MessageTemplateException extends Error {
  constructor(
    readonly kind: string,
    readonly field: string,
    message: string,
  ) {
    super(`${kind}: ${field}: ${message}`);
    this.name = 'MessageTemplateException';
  }
}
