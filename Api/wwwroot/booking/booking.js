// The booking page's script: written in the booking page issue.
