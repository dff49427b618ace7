// One view of this page for the organisation's figures: the page's address on its script tag
// ([data-count-url]) receives an empty POST once the page is shown, which the caching proxy
// passes to the site. Nothing about the reader is sent or kept; without scripts, no view is counted.
(() => {
    const url = document.currentScript && document.currentScript.dataset.countUrl;
    if (url && navigator.sendBeacon) {
        navigator.sendBeacon(url);
    }
})();
