// When the booking page is framed by a practice's site (embed.js), it tells the frame how tall its content is, so
// the frame grows and shrinks with it and never scrolls inside the host page.
//
// The message goes with targetOrigin "*": the page cannot know which of the practice's sites framed it (no Referer
// reaches it, and Web:EmbedOrigins may list several). That is acceptable only because the message carries nothing
// but a height in CSS pixels — never a name, a time, a choice or anything else about the visitor. Keep it so: any
// message that says more must name its target origin. embed.js, on the host's side, accepts it only from Intake's
// origin, only from its own frame, and only as a finite number within bounds.
if (window.parent !== window) {
    let sent = 0;
    const tell = () => {
        // The html element's own box is as tall as the content (scrollHeight would never be less than the frame).
        const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
        if (height > 0 && height !== sent) {
            sent = height;
            window.parent.postMessage({ type: "intake:height", height }, "*");
        }
    };
    new ResizeObserver(tell).observe(document.documentElement);
    tell();
}
