// Intake's embed snippet: the one line a practice adds to its own site.
//
//   <script src="https://intake.example/embed.js" data-practice-button="Book a free consultation" async></script>
//     → a button, where the script stands, that opens the booking page in a dialog;
//   <div data-intake-inline></div>  (anywhere on the page, with the script line once)
//     → the booking page inline, as tall as its content.
//
// A classic script, not a module, so that it runs from any site as written above; it loads nothing but Intake's
// own booking page, sets no cookie, and sends no Referer to Intake (the frames are referrerpolicy="no-referrer").
// Styles are set through the CSSOM (element.style), which a host page's style-src policy allows.
(function () {
    "use strict";

    // While a classic script runs, async or not, document.currentScript is its own element; it is null later
    // (in callbacks) and for modules, so everything that needs it is read here, once.
    var script = document.currentScript;
    if (!script || !script.src) {
        return;
    }
    var intake = new URL(script.src).origin;

    // The booking page says how tall it is; anything outside these bounds is not a height we will set.
    var MIN_HEIGHT = 50;
    var MAX_HEIGHT = 20000;
    var FIRST_HEIGHT = 640;

    var frames = [];

    // What a host element embeds. Room for issue 15: data-intake-waitlist="<list>" will name a waitlist page here.
    function pageFor() {
        return intake + "/book";
    }

    function frameFor(title) {
        var frame = document.createElement("iframe");
        frame.src = pageFor();
        frame.title = title;
        frame.referrerPolicy = "no-referrer";
        frame.style.display = "block";
        frame.style.width = "100%";
        frame.style.border = "0";
        frame.style.height = FIRST_HEIGHT + "px";
        frames.push(frame);
        return frame;
    }

    // Only Intake's own frames may set a height, only with a finite number in bounds, and only on the frame that sent it.
    window.addEventListener("message", function (event) {
        if (event.origin !== intake) {
            return;
        }
        var data = event.data;
        if (!data || typeof data !== "object" || data.type !== "intake:height") {
            return;
        }
        var height = data.height;
        if (typeof height !== "number" || !isFinite(height) || height < MIN_HEIGHT || height > MAX_HEIGHT) {
            return;
        }
        for (var i = 0; i < frames.length; i++) {
            if (frames[i].contentWindow === event.source) {
                frames[i].style.height = Math.ceil(height) + "px";
            }
        }
    });

    function titleOf(element, fallback) {
        return element.getAttribute("data-intake-title") || fallback;
    }

    // <script ... data-practice-button="Book a free consultation">: a native button that opens a native modal dialog
    // (Escape closes it, focus goes back to the button); the frame is made on the first open, not before.
    var label = script.getAttribute("data-practice-button");
    if (label && script.parentNode) {
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = label;
        button.setAttribute("aria-haspopup", "dialog");
        script.parentNode.insertBefore(button, script.nextSibling);

        var dialog = document.createElement("dialog");
        dialog.setAttribute("aria-label", label);
        dialog.style.width = "min(44rem, calc(100vw - 2rem))";
        dialog.style.maxHeight = "calc(100vh - 2rem)";
        dialog.style.padding = "0";
        dialog.style.border = "0";
        dialog.style.borderRadius = "0.5rem";
        dialog.style.overflow = "auto";

        var close = document.createElement("button");
        close.type = "button";
        close.textContent = script.getAttribute("data-intake-close") || "Close";
        close.style.display = "block";
        close.style.margin = "0.5rem 0.5rem 0 auto";
        close.style.minWidth = "2.75rem";
        close.style.minHeight = "2.75rem";
        close.addEventListener("click", function () {
            dialog.close();
        });
        dialog.appendChild(close);

        button.addEventListener("click", function () {
            if (!dialog.isConnected) {
                dialog.appendChild(frameFor(titleOf(script, label)));
                document.body.appendChild(dialog);
            }
            dialog.showModal();
        });
        dialog.addEventListener("close", function () {
            button.focus();
        });
    }

    // <div data-intake-inline>: the booking page in place. Each element is taken once, even if the line is twice on a page.
    function inline() {
        var hosts = document.querySelectorAll("[data-intake-inline]:not([data-intake-ready])");
        for (var i = 0; i < hosts.length; i++) {
            hosts[i].setAttribute("data-intake-ready", "");
            hosts[i].appendChild(frameFor(titleOf(hosts[i], "Book a free consultation")));
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", inline);
    } else {
        inline();
    }
})();
