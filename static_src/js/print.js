// Print buttons ([data-print]) open the browser's print dialog. They are hidden in the page
// and shown here, so that a visitor without scripts never sees a button that does nothing.
document.querySelectorAll("[data-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
});
