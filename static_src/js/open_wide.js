// Folded sections ([data-open-wide], such as the search filters) are opened on a wide screen,
// where they sit beside the content; on a phone they stay folded above it. Without scripts
// they stay folded everywhere and open with a click.
const wide = window.matchMedia("(min-width: 50rem)");
document.querySelectorAll("details[data-open-wide]").forEach((details) => {
    if (wide.matches) {
        details.open = true;
    }
});
