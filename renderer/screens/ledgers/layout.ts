// Heights the wizard's tables leave below them when they fill the window (see useFillHeight).
/** The wizard's footer with its buttons, the card's edge and the screen's bottom padding. */
export const FOOTER_RESERVE = 64;
/** A small antd table's header row. */
export const TABLE_HEAD = 40;
