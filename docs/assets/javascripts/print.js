/* The "Print this page" button. */
