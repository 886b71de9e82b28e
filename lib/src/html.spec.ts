import { test } from "uvu";
import * as assert from "uvu/assert";
import { escapeHtml } from "./html";

test("escapeHtml: markup and both quote kinds become entities; & first, so nothing is escaped twice", () => {
  assert.is(
    escapeHtml(`<img src="x" onerror='alert(1)'>&amp;`),
    "&lt;img src=&quot;x&quot; onerror=&#39;alert(1)&#39;&gt;&amp;amp;",
  );
  assert.is(escapeHtml("plain − text ✔"), "plain − text ✔");
});

test.run();
