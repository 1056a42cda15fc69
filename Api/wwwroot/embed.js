// The one line a practice adds to its site: written in the booking page issue.
