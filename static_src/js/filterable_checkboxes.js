// Long checkbox lists of the admin (home.widgets.FilterableCheckboxes): a box that hides the
// options whose name (or group's name) does not contain what is typed, a "whole region"
// checkbox that ticks or clears a group, and the count and list of the chosen ones kept up
// to date. A Stimulus controller of Wagtail's admin, so that it also starts on lists that
// Wagtail adds or renders again after the page has loaded.
(() => {
    const { Controller } = window.StimulusModule;

    const boxesIn = (element) => [...element.querySelectorAll("input[type=checkbox][name]")];

    class FilterableCheckboxes extends Controller {
        static targets = ["count", "chosen", "tool", "none", "group", "option", "whole"];
        static values = { chosenText: String };

        connect() {
            this.toolTargets.forEach((tool) => {
                tool.hidden = false;
            });
            this.update();
        }

        filter(event) {
            const typed = event.target.value.trim().toLocaleLowerCase();
            const matches = (element) => element.textContent.toLocaleLowerCase().includes(typed);
            let shown = 0;
            this.optionTargets.forEach((option) => {
                const legend = option.closest("fieldset")?.querySelector("legend");
                option.hidden = !(matches(option) || (legend && matches(legend)));
                shown += option.hidden ? 0 : 1;
            });
            this.groupTargets.forEach((group) => {
                group.hidden = !group.querySelector("li:not([hidden])");
            });
            this.noneTarget.hidden = shown > 0;
        }

        chooseGroup(event) {
            boxesIn(event.target.closest("fieldset")).forEach((box) => {
                box.checked = event.target.checked;
            });
        }

        update() {
            const chosen = boxesIn(this.element).filter((box) => box.checked);
            this.countTarget.textContent = this.chosenTextValue.replace("%(count)s", chosen.length);
            this.chosenTarget.replaceChildren(
                ...chosen.map((box) => {
                    const item = document.createElement("li");
                    item.textContent = box.labels[0].textContent.trim();
                    return item;
                }),
            );
            this.chosenTarget.hidden = chosen.length === 0;
            this.wholeTargets.forEach((whole) => {
                const boxes = boxesIn(whole.closest("fieldset"));
                const ticked = boxes.filter((box) => box.checked).length;
                whole.checked = ticked === boxes.length;
                whole.indeterminate = ticked > 0 && ticked < boxes.length;
            });
        }
    }

    window.wagtail.app.register("filterable-checkboxes", FilterableCheckboxes);
})();
