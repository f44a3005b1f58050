// Diagrams full screen: a tap, a click or the corner button opens a diagram in a native <dialog> at its
// natural size, where it scrolls and pinch-zooms; the close button, Esc or a click outside closes it and
// focus goes back where it was. hooks/diagram_viewer.py loads this only on pages with a diagram.
(() => {
  "use strict";

  const TEXT = {
    en: { open: "Open the diagram full screen", close: "Close", dialog: "Diagram", scroll: "Diagram (scrolls sideways)" },
    ru: { open: "Открыть схему на весь экран", close: "Закрыть", dialog: "Схема", scroll: "Схема (прокручивается вбок)" },
  };
  const text = TEXT[document.documentElement.lang] || TEXT.en;
  let dialog = null;
  let shown = null; // { svg, home, opener }: the SVG in the dialog, where it came from, what to focus after

  function makeDialog() {
    const element = document.createElement("dialog");
    element.className = "diagram-dialog";
    element.setAttribute("aria-label", text.dialog);
    const close = document.createElement("button");
    close.type = "button";
    close.className = "diagram-dialog__close md-button";
    close.textContent = text.close;
    close.addEventListener("click", () => element.close());
    const body = document.createElement("div");
    body.className = "diagram-dialog__body";
    element.append(close, body);
    // A click on the dialog itself, not on anything in it, is a click on the backdrop around the diagram.
    element.addEventListener("click", (event) => {
      if (event.target === element || event.target === body) element.close();
    });
    element.addEventListener("close", () => {
      if (!shown) return;
      shown.home.append(shown.svg); // the one SVG goes back: no duplicate ids on the page
      const opener = shown.opener;
      shown = null;
      opener.focus();
    });
    document.body.append(element);
    return element;
  }

  function open(figure, opener) {
    dialog = dialog || makeDialog();
    const home = figure.querySelector(".diagram__scroll");
    const svg = home.querySelector("svg");
    shown = { svg, home, opener };
    dialog.querySelector(".diagram-dialog__body").append(svg);
    dialog.showModal();
    dialog.querySelector(".diagram-dialog__close").focus();
  }

  // A box that scrolls sideways must be reachable by keyboard (and named) for readers without a mouse.
  function markScrolling(scroller) {
    if (scroller.scrollWidth > scroller.clientWidth + 1) {
      scroller.tabIndex = 0;
      scroller.setAttribute("role", "region");
      scroller.setAttribute("aria-label", text.scroll);
    } else {
      scroller.removeAttribute("tabindex");
      scroller.removeAttribute("role");
      scroller.removeAttribute("aria-label");
    }
  }

  const scrollers = [];
  for (const figure of document.querySelectorAll("figure.diagram")) {
    const scroller = figure.querySelector(".diagram__scroll");
    if (!scroller || !scroller.querySelector("svg")) continue;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "diagram__open";
    button.setAttribute("aria-label", text.open);
    button.title = text.open;
    button.textContent = "\u2922";
    button.addEventListener("click", (event) => {
      event.stopPropagation();
      open(figure, button);
    });
    figure.append(button);
    scroller.addEventListener("click", () => open(figure, button));
    scrollers.push(scroller);
    markScrolling(scroller);
  }
  addEventListener("resize", () => scrollers.forEach(markScrolling));
})();
