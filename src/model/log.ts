/** Where the action's own messages go: the runner's log in the action, a test's array in tests. */
export interface Log {
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
}
