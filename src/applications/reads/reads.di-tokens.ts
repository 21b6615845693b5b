/** The ListCursors instance (keyed from `reads.cursorSecret`). */
export const READ_CURSORS = Symbol('READ_CURSORS');
