/* Glossary tooltips that work without a mouse: keyboard focus and touch. */
