/**
 * An error whose message is for the person who ran the command (a setting they gave, a file they named): the commands
 * print its message as it is, without a stack trace, which is kept for the defects of the program itself.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}
