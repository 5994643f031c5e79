"""Word tools every stage may use: tokens, closed-class words, verb forms."""
