/** What the terminal feature asks of the terminal (ARCHITECTURE.md, "The terminal"): effects only, no state. */

/** Put `text` on the clipboard (OSC 52); Ctrl+Z hands the terminal back to the shell until `fg`. */
export type TerminalEffect = {kind: 'copy'; text: string} | {kind: 'suspend'};
