/*
 * "Twitch, spasm or cramp?": the guided helper on /movements/.
 *
 * The questions, answers and outcomes are data (questions.json in this
 * folder), embedded in the page by overrides/partials/movement-helper.html,
 * which also holds the same questions as a plain list for readers without
 * JavaScript. This script shows one question at a time instead.
 *
 * - Sudden signs come first: Yes or "I'm not sure" shows the emergency step
 *   (call 999) before anything else. Then the warning signs: any ticked sign
 *   shows its advice before the questions go on. The signs and their advice
 *   come from the care rules (care-rules.json), put in place at build time.
 * - Every outcome ends with the care rules' GP rule. An outcome repeats the signs the reader
 *   ticked, with their advice, right under its heading; with an urgent or emergency sign ticked
 *   it offers no self-care. A cramp outcome gives the NHS cramp signs to see a GP.
 * - A double click or double tap answers one question only: its second click
 *   (event.detail 2) would land on the next step, and is ignored.
 * - Each step is a browser history entry (pushState), so the browser's Back
 *   button, and ours, step back one question.
 * - Focus moves to each new question; the outcome is also announced in a
 *   live region.
 * - Text is set with textContent only. Nothing is stored or sent: the only
 *   memory is the history entry of this tab.
 * Started from [data-module="movement-helper"], each root on its own; its
 * parts are found by data-part, and a missing part, or a second start of the
 * same root, throws MovementHelperError (DEVELOPING.md, "How a tool is built").
 */
(function () {
  "use strict";

  var MODULE = "movement-helper";
  var STATE_KEY = "movementHelper";

  function MovementHelperError(message) {
    this.name = "MovementHelperError";
    this.message = message;
  }
  MovementHelperError.prototype = Object.create(Error.prototype);

  /* A part the markup must have: a named error, not a silent nothing. */
  function required(root, part) {
    var found = root.querySelector('[data-part="' + part + '"]');
    if (!found) {
      throw new MovementHelperError('The helper is missing its part "' + part + '" (overrides/partials/movement-helper.html).');
    }
    return found;
  }

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = MODULE + "__" + className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function Helper(root, index) {
    if (root.hasAttribute("data-" + MODULE + "-started")) throw new MovementHelperError("The helper was started twice.");
    this.root = root;
    this.prefix = MODULE + "-" + index;
    this.data = JSON.parse(required(root, "data").textContent);
    this.app = required(root, "app");
    this.siteRoot = root.getAttribute("data-site-root") || "";
    this.steps = this.data.steps;
  }

  Helper.prototype.start = function () {
    var self = this;
    // The live region exists before anything is announced in it.
    this.status = make("p", "status");
    this.status.setAttribute("role", "status");
    this.view = make("div", "view");
    // The second click of a double click or double tap (detail 2): the first
    // already answered, and this one would fall on whatever the next step put
    // in the same place (an answer, a tick box, a link). Ignore it.
    this.view.addEventListener("click", function (event) {
      if (event.detail > 1) {
        event.preventDefault();
        event.stopPropagation();
      }
    }, true);
    this.app.appendChild(this.view);
    this.app.appendChild(this.status);
    this.root.classList.add(MODULE + "--started");
    this.app.hidden = false;

    var saved = window.history.state && window.history.state[STATE_KEY];
    var state = saved && this.steps[saved.step] ? saved : this.startState();
    this.remember(state, true);
    this.show(state, false);

    window.addEventListener("popstate", function (event) {
      var popped = event.state && event.state[STATE_KEY];
      // Other history entries (a link to a heading on this page) are not ours.
      if (popped && self.steps[popped.step]) self.show(popped, true);
    });
  };

  Helper.prototype.startState = function () {
    return { step: this.data.start, signs: [], advice: false };
  };

  /* Keep other scripts' history state; add or replace ours. */
  Helper.prototype.remember = function (state, replace) {
    var entry = {};
    var current = window.history.state;
    if (current && typeof current === "object") {
      Object.keys(current).forEach(function (key) { entry[key] = current[key]; });
    }
    entry[STATE_KEY] = state;
    if (replace) window.history.replaceState(entry, "");
    else window.history.pushState(entry, "");
  };

  Helper.prototype.go = function (state) {
    this.remember(state, false);
    this.show(state, true);
  };

  Helper.prototype.href = function (address) {
    return this.siteRoot + address;
  };

  Helper.prototype.link = function (item, className) {
    var a = make("a", className || "link", item.text);
    a.href = this.href(item.href);
    return a;
  };

  Helper.prototype.button = function (text, className, onClick) {
    var b = make("button", className, text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  };

  /* Draw one step; move focus to its heading when the reader got here. */
  Helper.prototype.show = function (state, moveFocus) {
    var step = this.steps[state.step];
    var parts;
    if (step.type === "signs" && state.advice) parts = this.adviceView(step, state);
    else if (step.type === "signs") parts = this.signsView(step, state);
    else if (step.type === "outcome") parts = this.outcomeView(step, state);
    else parts = this.questionView(step, state);

    while (this.view.firstChild) this.view.removeChild(this.view.firstChild);
    parts.body.forEach(function (node) { this.view.appendChild(node); }, this);
    this.view.appendChild(this.controls(state));
    this.root.setAttribute("data-step", state.advice ? state.step + ":advice" : state.step);
    // Announce an outcome; empty otherwise, so the next outcome is announced again.
    this.status.textContent = step.type === "outcome" ? "Result: " + step.heading : "";
    if (moveFocus) parts.heading.focus();
  };

  Helper.prototype.heading = function (text) {
    var h = make("h3", "heading", text);
    h.tabIndex = -1; // focus goes here, so screen readers read the new question
    h.id = this.prefix + "-heading";
    return h;
  };

  Helper.prototype.signsView = function (step, state) {
    var self = this;
    var heading = this.heading(step.question);
    var group = make("fieldset", "group");
    group.setAttribute("aria-labelledby", heading.id);
    var hint = make("p", "hint", step.hint);
    hint.id = this.prefix + "-hint";
    group.setAttribute("aria-describedby", hint.id);
    var boxes = step.signs.map(function (sign) {
      var row = make("div", "sign");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.id = self.prefix + "-sign-" + sign.id;
      box.value = sign.id;
      box.checked = state.signs.indexOf(sign.id) >= 0;
      var label = make("label", "sign-label", sign.text);
      label.htmlFor = box.id;
      row.appendChild(box);
      row.appendChild(label);
      group.appendChild(row);
      return box;
    });
    var answers = make("div", "answers");
    step.answers.forEach(function (answer) {
      var notSure = answer.id === "not-sure";
      var b = this.button(answer.text, notSure ? "answer" : "answer " + MODULE + "__answer--primary",
        function () {
          var ticked = notSure ? [] : boxes.filter(function (b) { return b.checked; })
            .map(function (b) { return b.value; });
          // Keep the ticks in this step's own history entry, so Back finds them again.
          self.remember({ step: state.step, signs: ticked, advice: false }, true);
          if (ticked.length) self.go({ step: state.step, signs: ticked, advice: true });
          else self.go({ step: answer.next, signs: [], advice: false });
        });
      b.setAttribute("data-answer", answer.id);
      answers.appendChild(b);
    }, this);
    return { heading: heading, body: [heading, hint, group, answers] };
  };

  Helper.prototype.adviceView = function (step, state) {
    var self = this;
    var heading = this.heading(step.advice_heading);
    var list = this.adviceList(step, state.signs);
    var then = make("p", "then", step.advice_then);
    var next = step.answers.filter(function (a) { return a.id !== "not-sure"; })[0].next;
    var goOn = this.button(step.go_on, "answer " + MODULE + "__answer--primary", function () {
      self.go({ step: next, signs: state.signs, advice: false });
    });
    var answers = make("div", "answers");
    answers.appendChild(goOn);
    return { heading: heading, body: [heading, list, then, answers] };
  };

  /* Each ticked sign with its card's advice, the most urgent first (as the pages and the log order
   * them), then in the order the step lists them. Two ticks that meet one rule (weak, stiff) give
   * it once, with "came on gradually" if either is an emergency when sudden. */
  var RANK = { emergency: 0, urgent: 1, gp: 2, doctor: 3 };
  Helper.prototype.adviceList = function (step, ticked) {
    var list = make("ul", "advice"), said = {};
    var chosen = step.signs.filter(function (sign) { return ticked.indexOf(sign.id) >= 0; });
    var rule = function (sign) { return sign.advice.card + " " + sign.advice.item; };
    chosen.map(function (sign, i) { return [RANK[sign.level], i, sign]; }).sort(function (a, b) {
      return a[0] - b[0] || a[1] - b[1];
    }).forEach(function (pair) {
      var sign = pair[2];
      if (said[rule(sign)]) return;
      said[rule(sign)] = true;
      var gradual = chosen.filter(function (other) { return rule(other) === rule(sign) && other.advice.gradual; })[0];
      var item = make("li", "advice-item");
      item.setAttribute("data-sign", sign.id);
      item.appendChild(make("strong", "advice-card", sign.advice.card));
      item.appendChild(document.createTextNode(" " + sign.advice.item + ". " +
        (gradual ? gradual.advice.gradual + " " : "") +
        (sign.advice.step_up ? sign.advice.step_up + " " : "")));
      item.appendChild(this.link({ text: "When to see a doctor", href: sign.advice.href }));
      list.appendChild(item);
    }, this);
    return list;
  };

  /* The warning-sign step (the first of type "signs"). */
  Helper.prototype.signsStep = function () {
    var steps = this.steps;
    return steps[Object.keys(steps).filter(function (id) { return steps[id].type === "signs"; })[0]];
  };

  Helper.prototype.questionView = function (step, state) {
    var self = this;
    var heading = this.heading(step.question || step.heading);
    var body = [heading];
    if (step.type === "sudden" || step.card) {
      var sudden = make("ul", "sudden");
      step.signs.forEach(function (sign) { sudden.appendChild(make("li", null, sign.text)); });
      body.push(sudden);
    }
    if (step.hint) body.push(make("p", "hint", step.hint));
    (step.text || []).forEach(function (part) {
      body.push(make("p", step.card ? "card-action" : "text", part.text));
    });
    if (step.link) {
      var p = make("p", "text");
      p.appendChild(this.link(step.link));
      body.push(p);
    }
    var answers = make("div", "answers");
    answers.setAttribute("role", "group");
    answers.setAttribute("aria-labelledby", heading.id);
    step.answers.forEach(function (answer) {
      var b = this.button(answer.text, "answer", function () {
        self.go({ step: answer.next, signs: state.signs, advice: false });
      });
      b.setAttribute("data-answer", answer.id);
      answers.appendChild(b);
    }, this);
    body.push(answers);
    return { heading: heading, body: body };
  };

  Helper.prototype.outcomeView = function (step, state) {
    var every = this.data.every_outcome;
    var heading = this.heading(step.heading);
    var body = [heading];
    // The signs the reader ticked keep their advice, first: "sounds most like a cramp" never
    // replaces the urgent leg. With an urgent or emergency sign, no self-care is offered.
    var signsStep = this.signsStep(), ticked = state.signs || [];
    var serious = signsStep.signs.some(function (sign) {
      return ticked.indexOf(sign.id) >= 0 && (sign.level === "urgent" || sign.level === "emergency");
    });
    if (ticked.length) {
      body.push(make("h4", "subheading", every.ticked_heading));
      body.push(this.adviceList(signsStep, ticked));
    }
    step.means.forEach(function (part) { body.push(make("p", "text", part.text)); });
    if (step.gp_signs) body.push(make("p", "gp-signs", step.gp_signs.text));
    if (step.helps.length && !serious) {
      body.push(make("h4", "subheading", "What may help"));
      var helps = make("ul", "helps");
      step.helps.forEach(function (part) { helps.appendChild(make("li", null, part.text)); });
      body.push(helps);
    }
    var more = make("p", "text");
    more.appendChild(this.link(step.helps_link));
    body.push(more);
    body.push(make("h4", "subheading", "How to keep a note of it"));
    body.push(make("p", "text", step.log_how));
    var logs = make("p", "text");
    logs.appendChild(this.link(step.log, "log-link"));
    logs.appendChild(document.createTextNode(" or "));
    logs.appendChild(this.link(step.diary));
    body.push(logs);
    body.push(make("p", "not-diagnosis", every.not_diagnosis));
    var rule = make("p", "gp-rule", every.gp_rule.text + " ");
    rule.appendChild(this.link(every.doctor));
    body.push(rule);
    return { heading: heading, body: body };
  };

  Helper.prototype.controls = function (state) {
    var self = this;
    var bar = make("div", "controls");
    var first = state.step === this.data.start && !state.advice;
    if (first) return bar;
    bar.appendChild(this.button(this.data.controls.back, "control", function () { window.history.back(); }));
    bar.appendChild(this.button(this.data.controls.start_over, "control", function () {
      self.go(self.startState());
    }));
    return bar;
  };

  function startAll() {
    var roots = document.querySelectorAll('[data-module="' + MODULE + '"]');
    Array.prototype.forEach.call(roots, function (root, index) {
      try {
        new Helper(root, index).start();
        root.setAttribute("data-" + MODULE + "-started", "");
      } catch (error) {
        // The plain list stays on screen: the reader can still use it.
        if (window.console) window.console.error(error.name + ": " + error.message);
      }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startAll);
  else startAll();
})();
