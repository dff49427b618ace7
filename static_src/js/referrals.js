// The referral list in one click: "Add to referral list" forms ([data-referral-add]) are sent
// without leaving the page, the header's count ([data-referral-count]) is read from the list's
// cookie (only page ids), and a polite live region ([data-referral-status]) says what happened.
// Without this script the forms work as they are: the list page opens with the same message.
(() => {
    const COOKIE = "referral_list";

    const listedIds = () => {
        const entry = document.cookie.split("; ").find((part) => part.startsWith(`${COOKIE}=`));
        if (!entry) return [];
        return decodeURIComponent(entry.slice(COOKIE.length + 1))
            .split("-")
            .filter((token) => /^[0-9a-z]+$/.test(token))
            .map((token) => parseInt(token, 36));
    };

    const showCount = () => {
        const count = listedIds().length;
        document.querySelectorAll("[data-referral-count]").forEach((element) => {
            element.textContent = `(${count})`;
            element.hidden = count === 0;
        });
    };

    const markAdded = (form) => {
        const button = form.querySelector("button");
        const label = form.querySelector("[data-label]");
        if (button && label && button.dataset.addedLabel) {
            label.textContent = button.dataset.addedLabel;
            form.classList.add("referral-add--added");
        }
    };

    const say = (message) => {
        const status = document.querySelector("[data-referral-status]");
        if (!status) return;
        status.textContent = "";
        // A new text node each time, so that the same message twice is read twice.
        window.setTimeout(() => { status.textContent = message; }, 50);
    };

    const listed = new Set(listedIds());
    document.querySelectorAll("form[data-referral-add]").forEach((form) => {
        const id = parseInt(form.elements.page.value, 10);
        if (listed.has(id)) markAdded(form);
        form.addEventListener("submit", async (event) => {
            event.preventDefault();
            let response;
            try {
                response = await fetch(form.action, {
                    method: "POST",
                    body: new FormData(form),
                    headers: { Accept: "application/json" },
                    credentials: "same-origin",
                });
            } catch {
                form.submit(); // no connection to the script's way: the plain form's
                return;
            }
            const answer = await response.json().catch(() => null);
            if (!answer) {
                form.submit();
                return;
            }
            if (response.ok) markAdded(form);
            showCount();
            say(answer.message);
        });
    });
    showCount();
})();
