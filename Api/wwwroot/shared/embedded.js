// When the booking page is framed by a practice's site (embed.js), it tells the frame its height: written in the booking page issue.
