/** A configuration the gate cannot run with: the message names the key and the values it allows. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
