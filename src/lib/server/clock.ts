/** When an operation happens: now unless given (tests and the demo set their own times). */
export type Clock = { now?: Date };
