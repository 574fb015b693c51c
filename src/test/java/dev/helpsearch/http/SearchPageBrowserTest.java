package dev.helpsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The search page, the article landing and the embeddable widget in a real headless Chromium,
 * against the real server on a random port. The widget runs on a plain page served from a second
 * origin, which the server allows with its CORS setting. Screenshots go to target/browser-screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPageBrowserTest {

    private static final String XSS_TITLE = "Zebracorn plugin <img src=x onerror=\"window.__xss=1\"> crashes";

    @TempDir
    static Path work;

    private String skipReason;
    private Browser browser;
    private RunningServer server;
    private HostSite hostSite;
    private String base;
    private String hostOrigin;

    @BeforeAll
    void start() throws IOException {
        skipReason = Browser.unavailable().orElse(null);
        if (skipReason != null) {
            System.err.println("SearchPageBrowserTest: " + skipReason);
            return;
        }
        browser = Browser.start(Files.createDirectories(work.resolve("profile")));
        AtomicInteger apiPort = new AtomicInteger();
        hostSite = HostSite.start(path -> switch (path) {
            case "/docs.html" -> hostPage(apiPort.get(), "data-site-url=\"https://help.example.com\"");
            case "/app.html" -> hostPage(apiPort.get(), "");
            default -> null;
        });
        hostOrigin = hostSite.origin();

        server = RunningServer.start(
                Files.createDirectories(work.resolve("server")),
                null,
                new ServerSettings(List.of(hostOrigin), null, 500));
        apiPort.set(server.uri("/").getPort());
        base = "http://127.0.0.1:" + apiPort.get();

        // an article whose every field tries to inject markup
        Files.writeString(server.articles.resolve("troubleshooting/09.zebracorn.md"), """
                ---
                title: '%s'
                description: 'A <script>window.__xss = "description"</script> zebracorn problem'
                category: troubleshooting
                ---

                The zebracorn plugin <img src=x onerror="window.__xss='body'"> stops.

                ## Zebracorn <img src=x onerror="window.__xss='heading'"> fails to load

                The zebracorn <b onmouseover="window.__xss='snippet'">loader</b> fails with `<script>alert(1)</script>`.
                """.formatted(XSS_TITLE));
        server.reindexer.reindex();
    }

    @AfterAll
    void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
        if (hostSite != null) {
            hostSite.close();
        }
    }

    @BeforeEach
    void freshPage() {
        Assumptions.assumeTrue(skipReason == null, () -> skipReason);
        browser.resetViewport();
        browser.colorScheme("light");
        browser.driver.get(base + "/");
        browser.js("localStorage.clear()");
        browser.driver.get(base + "/");
        browser.consoleErrors();
    }

    private static String hostPage(int apiPort, String siteUrlAttribute) {
        // hostile styles on purpose: the widget must look the same anyway, and must not change this page
        return """
                <!doctype html>
                <html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Acme dashboard</title>
                <style>
                  html { font-size: 10px; }
                  * { font-family: "DejaVu Serif", serif !important; color: rgb(200, 0, 0) !important; letter-spacing: 3px; }
                  button { background: rgb(0, 255, 0) !important; padding: 30px !important; border: 5px dashed black !important; }
                  div, p, input, mark, dialog { border: 3px solid rgb(0, 0, 255) !important; margin: 20px !important; }
                  h1 { font-size: 40px; }
                </style></head>
                <body>
                <h1 id="host-title">Acme dashboard</h1>
                <p id="host-text">The host page's own content. <button id="host-button">Host button</button></p>
                <nav id="slot"><script src="http://127.0.0.1:%d/widget.js" %s></script></nav>
                </body></html>
                """.formatted(apiPort, siteUrlAttribute);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private WebElement input() {
        return browser.driver.findElement(By.id("search-input"));
    }

    private void type(CharSequence... keys) {
        new Actions(browser.driver).sendKeys(keys).perform();
    }

    private void press(Keys modifier, String key) {
        new Actions(browser.driver)
                .keyDown(modifier)
                .sendKeys(key)
                .keyUp(modifier)
                .perform();
    }

    private String firstHeading() {
        return browser.jsString("const o = document.querySelector('#search-panel [role=option] .hs-option-heading');"
                + "return o ? o.textContent : null");
    }

    private void awaitFirstHeading(String heading) {
        browser.await("first result is " + heading, d -> heading.equals(firstHeading()));
    }

    private List<String> optionIds() {
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>)
                browser.js("return [...document.querySelectorAll('#search-panel [role=option]')].map(o => o.id)");
        return ids;
    }

    private String activeDescendant() {
        return input().getDomAttribute("aria-activedescendant");
    }

    /** The heading's box lies inside the viewport, below the sticky header. */
    private void assertHeadingInView(String id) {
        browser.await("#" + id + " scrolled into view", d -> (Boolean) browser.js("""
                const h = document.getElementById(arguments[0]);
                if (!h) return false;
                const r = h.getBoundingClientRect();
                return r.top >= 50 && r.bottom <= window.innerHeight;""", id));
    }

    // ---- the search page ---------------------------------------------------------------------

    @Test
    void portInUseShowsPortConflictFirstAndEnterLandsOnTheHighlightedSection() {
        assertThat(browser.jsString("return document.activeElement.id"))
                .as("search box focused on load")
                .isEqualTo("search-input");
        type("port in use");
        awaitFirstHeading("Port conflict");
        assertThat(browser.jsString("return document.querySelector('#search-panel .hs-group-title').textContent"))
                .isEqualTo("Gateway fails to start");
        assertThat(
                        browser.jsString(
                                "return document.querySelector('#search-panel [role=option] .hs-option-snippet mark').textContent"))
                .isNotBlank();
        assertThat(activeDescendant()).isEqualTo(optionIds().get(0));
        assertThat(browser.driver.getCurrentUrl())
                .as("query kept in the address")
                .endsWith("/?q=port+in+use");
        browser.screenshot("search-results");
        assertThat(browser.consoleErrors())
                .as("no CSP violations or script errors")
                .isEmpty();

        type(Keys.ENTER);
        browser.await("landed on the article", d -> d.getCurrentUrl().contains("#port-conflict"));
        assertThat(browser.driver.getCurrentUrl())
                .startsWith(base + "/troubleshooting/gateway-fails-to-start?highlight=")
                .endsWith("#port-conflict");
        assertHeadingInView("port-conflict");

        // the matched words are marked, and only within the section the hit came from
        browser.await(
                "highlights",
                d -> browser.jsLong("return document.querySelectorAll('mark.search-highlight').length") > 0);
        @SuppressWarnings("unchecked")
        List<String> sections = (List<String>) browser.js("""
                return [...document.querySelectorAll('mark.search-highlight')].map(mark => {
                  let node = mark;
                  while (node.parentElement && !node.parentElement.classList.contains('article-body')) node = node.parentElement;
                  while (node && !/^H[1-6]$/.test(node.tagName)) node = node.previousElementSibling;
                  return node ? node.id : '';
                });""");
        assertThat(sections).containsOnly("port-conflict");
        assertThat(
                        browser.jsString(
                                "return [...document.querySelectorAll('mark.search-highlight')].map(m => m.textContent.toLowerCase()).join(' ')"))
                .contains("port");
        browser.screenshot("article-landing");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void keyboardMovesThroughResultsOpensAndClears() {
        browser.js("document.activeElement.blur()");
        type("/");
        assertThat(browser.jsString("return document.activeElement.id"))
                .as("/ focuses the box")
                .isEqualTo("search-input");
        assertThat(input().getDomProperty("value")).as("the / is not typed").isEmpty();

        type(Keys.ESCAPE);
        assertThat(browser.jsString("return document.activeElement.tagName")).isEqualTo("BODY");
        press(Keys.CONTROL, "k");
        assertThat(browser.jsString("return document.activeElement.id"))
                .as("Ctrl-K focuses the box")
                .isEqualTo("search-input");

        type("gateway");
        browser.await("results", d -> optionIds().size() >= 4);
        WebElement box = input();
        assertThat(box.getDomAttribute("role")).isEqualTo("combobox");
        assertThat(box.getDomAttribute("aria-expanded")).isEqualTo("true");
        assertThat(browser.jsString(
                        "return document.getElementById(arguments[0]).getAttribute('role')",
                        box.getDomAttribute("aria-controls")))
                .isEqualTo("listbox");
        List<String> ids = optionIds();
        assertThat(activeDescendant()).isEqualTo(ids.get(0));

        type(Keys.ARROW_DOWN);
        assertThat(activeDescendant()).isEqualTo(ids.get(1));
        assertThat(browser.jsString(
                        "return document.getElementById(arguments[0]).getAttribute('aria-selected')", ids.get(1)))
                .isEqualTo("true");
        assertThat(browser.jsString(
                        "return document.getElementById(arguments[0]).getAttribute('aria-selected')", ids.get(0)))
                .isEqualTo("false");
        type(Keys.ARROW_UP, Keys.ARROW_UP);
        assertThat(activeDescendant()).as("Up from the first wraps to the last").isEqualTo(ids.get(ids.size() - 1));
        type(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        assertThat(activeDescendant()).isEqualTo(ids.get(2));
        assertThat(browser.jsString("return document.activeElement.id"))
                .as("focus stays in the box")
                .isEqualTo("search-input");

        String href = browser.jsString("return document.getElementById(arguments[0]).href", ids.get(2));
        type(Keys.ENTER);
        browser.await("opened the third result", d -> href.equals(d.getCurrentUrl()));
        String anchor = href.contains("#") ? href.substring(href.indexOf('#') + 1) : "";
        if (!anchor.isEmpty()) {
            assertHeadingInView(anchor);
        }

        browser.driver.navigate().back();
        browser.await("back on the search page", d -> d.getCurrentUrl().startsWith(base + "/?q=gateway"));
        WebElement again = browser.await("search box", d -> d.findElement(By.id("search-input")));
        press(Keys.CONTROL, "k");
        type(Keys.ESCAPE);
        assertThat(again.getDomProperty("value")).as("Esc clears").isEmpty();
        browser.await(
                "results gone",
                d -> browser.jsLong("return document.querySelectorAll('#search-panel .hs-results').length") == 0);
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(base + "/");
    }

    @Test
    void emptyStateNamesTheQueryAndDidYouMeanFixesIt() {
        type("xyzzy plugh");
        browser.await(
                "empty state",
                d -> browser.jsLong("return document.querySelectorAll('#search-panel .hs-empty').length") == 1);
        String empty = browser.jsString("return document.querySelector('#search-panel .hs-empty').innerText");
        assertThat(empty).contains("No results for").contains("xyzzy plugh").contains("spelling");
        assertThat(input().getDomAttribute("aria-expanded")).isEqualTo("false");
        assertThat(input().getDomAttribute("aria-activedescendant")).isNull();
        browser.screenshot("search-empty");

        input().sendKeys(Keys.chord(Keys.CONTROL, "a"), "gatway fials");
        WebElement suggestion = browser.await(
                "did you mean", d -> d.findElement(By.cssSelector("#search-panel .hs-didyoumean button")));
        assertThat(suggestion.getText()).isEqualTo("gateway fails");
        suggestion.click();
        browser.await("query replaced", d -> "gateway fails".equals(input().getDomProperty("value")));
        browser.await("results for the suggestion", d -> optionIds().size() > 3);
        assertThat(browser.jsString("return document.activeElement.id")).isEqualTo("search-input");
    }

    @Test
    void staleResponsesNeverOverwriteNewerOnes() {
        // the response for "gateway" arrives long after the one for "sign in" (and ignores the abort)
        browser.js("""
                const realFetch = window.fetch.bind(window);
                window.__asked = [];
                window.fetch = (url, init) => {
                  const q = new URL(url, location.href).searchParams.get('q');
                  window.__asked.push(q);
                  const response = realFetch(url);
                  if (q !== 'gateway') return response;
                  return new Promise(resolve => setTimeout(() => {
                    resolve(response);
                    setTimeout(() => { window.__staleDelivered = true; }, 100);
                  }, 1200));
                };""");
        type("gateway");
        browser.await("gateway asked", d -> (Boolean) browser.js("return window.__asked.includes('gateway')"));
        input().sendKeys(Keys.chord(Keys.CONTROL, "a"), "sign in");
        awaitFirstHeading("Overview");
        assertThat(browser.jsString("return document.querySelector('#search-panel .hs-group-title').textContent"))
                .isEqualTo("Cannot sign in");
        browser.await(
                "stale response delivered",
                d -> Boolean.TRUE.equals(browser.js("return window.__staleDelivered === true")));
        assertThat(browser.jsString("return document.querySelector('#search-panel .hs-group-title').textContent"))
                .as("the late 'gateway' answer did not replace the 'sign in' results")
                .isEqualTo("Cannot sign in");
        assertThat(browser.driver.getCurrentUrl()).endsWith("?q=sign+in");
    }

    @Test
    void recentSearchesShowWhenTheBoxIsEmpty() {
        type("port in use");
        awaitFirstHeading("Port conflict");
        type(Keys.ENTER);
        browser.await("landed", d -> d.getCurrentUrl().contains("#port-conflict"));

        browser.driver.get(base + "/");
        browser.await(
                "recent searches",
                d -> browser.jsLong("return document.querySelectorAll('#search-panel .hs-option-recent').length") == 1);
        assertThat(browser.jsString("return document.querySelector('.hs-option-recent').textContent"))
                .isEqualTo("port in use");
        assertThat(activeDescendant()).as("nothing preselected in an empty box").isNull();
        type(Keys.ARROW_DOWN, Keys.ENTER);
        browser.await("recent search run again", d -> "port in use".equals(input().getDomProperty("value")));
        awaitFirstHeading("Port conflict");

        // only the last five, newest first, without duplicates
        browser.js("""
                return import('/_/assets/search-ui.js').then(m => {
                  for (const q of ['one', 'two', 'three', 'four', 'five', 'six', 'TWO']) m.saveRecent(q);
                });""");
        browser.driver.get(base + "/");
        browser.await(
                "five recent searches",
                d -> browser.jsLong("return document.querySelectorAll('.hs-option-recent').length") == 5);
        assertThat(browser.jsString(
                        "return [...document.querySelectorAll('.hs-option-recent')].map(o => o.textContent).join(',')"))
                .isEqualTo("TWO,six,five,four,three");
        browser.screenshot("search-recent");
        browser.driver.findElement(By.cssSelector(".hs-recent-clear")).click();
        browser.await(
                "cleared", d -> browser.jsLong("return document.querySelectorAll('.hs-option-recent').length") == 0);
    }

    @Test
    void darkModeAndNarrowScreens() {
        browser.colorScheme("dark");
        browser.viewport(360, 780, true);
        browser.driver.get(base + "/?q=gateway");
        browser.await("results", d -> optionIds().size() > 3);
        assertThat(browser.jsString("return getComputedStyle(document.body).backgroundColor"))
                .isEqualTo("rgb(15, 17, 21)");
        assertThat(browser.jsLong("return document.documentElement.scrollWidth"))
                .as("no sideways scrolling at 360 px")
                .isLessThanOrEqualTo(360);
        assertThat(browser.jsLong(
                        "return Math.round(document.getElementById('search-input').getBoundingClientRect().width)"))
                .isGreaterThan(300);
        assertThat(browser.jsLong(
                        "return Math.round(document.querySelector('[role=option]').getBoundingClientRect().right)"))
                .isLessThanOrEqualTo(360);
        browser.screenshot("search-results-dark-360px");

        browser.viewport(1280, 900, false);
        browser.driver.get(base + "/?q=cannot+sign+in");
        browser.await("results", d -> optionIds().size() > 3);
        type(Keys.ARROW_DOWN);
        browser.screenshot("search-results-dark");

        browser.colorScheme("light");
        browser.driver.get(base + "/");
        browser.screenshot("search-home");
        browser.viewport(360, 780, true);
        browser.driver.get(
                base + "/troubleshooting/gateway-fails-to-start?highlight=binary#missing-or-corrupt-openclaw-binary");
        assertHeadingInView("missing-or-corrupt-openclaw-binary");
        assertThat(browser.jsLong("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(360);
        browser.screenshot("article-landing-360px");
    }

    // ---- safety ------------------------------------------------------------------------------

    @Test
    void markupInQueriesAndArticlesIsShownAsTextAndNeverRuns() {
        String payload = "<img src=x onerror=\"window.__xss='query'\">";
        type(payload);
        browser.await(
                "empty state",
                d -> browser.jsLong("return document.querySelectorAll('#search-panel .hs-empty').length") == 1);
        assertThat(browser.jsString("return document.querySelector('#search-panel .hs-empty-query').textContent"))
                .isEqualTo(payload);
        assertThat(browser.jsLong("return document.querySelectorAll('#search-panel img, #search-panel script').length"))
                .isZero();

        input().sendKeys(Keys.chord(Keys.CONTROL, "a"), "zebracorn");
        browser.await(
                "the zebracorn article",
                d -> XSS_TITLE.equals(
                        browser.jsString(
                                "const t = document.querySelector('#search-panel .hs-group-title'); return t && t.textContent")));
        assertThat(
                        browser.jsLong(
                                "return document.querySelectorAll('#search-panel img, #search-panel script, #search-panel b').length"))
                .isZero();
        assertThat(browser.jsString("return document.querySelector('#search-panel').textContent"))
                .contains("<img src=x");
        assertThat(browser.js("return window.__xss")).isNull();

        // the article page itself, and a highlight parameter carrying markup
        browser.driver.get(base + "/troubleshooting/zebracorn?highlight=" + RunningServer.encode(payload)
                + "&highlight=zebracorn");
        browser.await(
                "highlights",
                d -> browser.jsLong("return document.querySelectorAll('mark.search-highlight').length") > 0);
        assertThat(browser.jsLong("return document.querySelectorAll('.article script').length"))
                .isZero();
        assertThat(
                        browser.jsLong(
                                "return [...document.querySelectorAll('.article *')].filter(e => [...e.attributes].some(a => /^on/i.test(a.name))).length"))
                .as("no element with an event handler attribute")
                .isZero();
        assertThat(browser.js("return window.__xss")).isNull();
        assertThat(browser.jsString("return document.querySelector('h1').textContent"))
                .isEqualTo(XSS_TITLE);
    }

    // ---- the widget on another origin --------------------------------------------------------

    private SearchContext widget() {
        WebElement host =
                browser.await("widget ready", d -> d.findElement(By.cssSelector("helpsearch-widget[data-ready]")));
        return host.getShadowRoot();
    }

    private String widgetJs(String body) {
        return browser.jsString("const root = document.querySelector('helpsearch-widget').shadowRoot;" + body);
    }

    @Test
    void widgetOnAnotherOriginSearchesWithItsOwnStylesAndLinksToTheSite() {
        browser.driver.get(hostOrigin + "/docs.html");
        SearchContext root = widget();
        WebElement launcher = root.findElement(By.cssSelector(".hs-launch"));
        assertThat(browser.jsString("return document.querySelector('helpsearch-widget').parentElement.id"))
                .isEqualTo("slot");

        // nothing of the page's styles gets in...
        Map<String, String> look = Map.of(
                "backgroundColor",
                        widgetJs("return getComputedStyle(root.querySelector('.hs-launch')).backgroundColor"),
                "color", widgetJs("return getComputedStyle(root.querySelector('.hs-launch-label')).color"),
                "fontFamily", widgetJs("return getComputedStyle(root.querySelector('.hs-launch')).fontFamily"),
                "paddingTop", widgetJs("return getComputedStyle(root.querySelector('.hs-launch')).paddingTop"),
                "letterSpacing", widgetJs("return getComputedStyle(root.querySelector('.hs-launch')).letterSpacing"));
        assertThat(look.get("backgroundColor")).isEqualTo("rgb(255, 255, 255)");
        assertThat(look.get("color")).isNotEqualTo("rgb(200, 0, 0)");
        assertThat(look.get("fontFamily")).doesNotContain("Serif");
        assertThat(look.get("paddingTop")).isEqualTo("0px");
        assertThat(look.get("letterSpacing")).isEqualTo("normal");
        // ...and nothing of the widget's gets out
        assertThat(browser.jsLong("return document.styleSheets.length")).isEqualTo(1);
        assertThat(browser.jsString("return getComputedStyle(document.getElementById('host-title')).fontSize"))
                .isEqualTo("40px");
        assertThat(browser.jsString("return getComputedStyle(document.getElementById('host-button')).backgroundColor"))
                .isEqualTo("rgb(0, 255, 0)");
        assertThat(browser.jsString("return getComputedStyle(document.getElementById('host-text')).color"))
                .isEqualTo("rgb(200, 0, 0)");
        browser.screenshot("widget-button");

        press(Keys.CONTROL, "k");
        browser.await("dialog open", d -> "true".equals(widgetJs("return String(root.querySelector('dialog').open)")));
        assertThat(widgetJs("return root.activeElement && root.activeElement.className"))
                .isEqualTo("hs-modal-input");
        type("port in use");
        browser.await(
                "widget results",
                d -> "Port conflict"
                        .equals(
                                widgetJs(
                                        "const h = root.querySelector('[role=option] .hs-option-heading'); return h && h.textContent")));
        String href = widgetJs("return root.querySelector('[role=option]').href");
        assertThat(href)
                .startsWith("https://help.example.com/troubleshooting/gateway-fails-to-start?highlight=")
                .endsWith("#port-conflict");
        String input = "root.querySelector('.hs-modal-input')";
        assertThat(widgetJs("return " + input + ".getAttribute('aria-activedescendant')"))
                .isEqualTo(widgetJs("return root.querySelector('[role=option]').id"));
        browser.screenshot("widget");

        // markup typed into the widget stays text, on a page without any CSP to save it
        root.findElement(By.cssSelector(".hs-modal-input"))
                .sendKeys(Keys.chord(Keys.CONTROL, "a"), "<img src=x onerror=\"window.__xss='widget'\">");
        browser.await(
                "widget empty state",
                d -> "1".equals(widgetJs("return String(root.querySelectorAll('.hs-empty').length)")));
        assertThat(widgetJs("return root.querySelector('.hs-empty-query').textContent"))
                .startsWith("<img");
        assertThat(widgetJs("return String(root.querySelectorAll('img').length)"))
                .isEqualTo("0");
        assertThat(browser.js("return window.__xss")).isNull();

        type(Keys.ESCAPE);
        assertThat(widgetJs("return root.querySelector('.hs-modal-input').value"))
                .as("first Esc clears")
                .isEmpty();
        type(Keys.ESCAPE);
        browser.await(
                "dialog closed", d -> "false".equals(widgetJs("return String(root.querySelector('dialog').open)")));
        browser.await(
                "focus back on the button",
                d -> "hs-launch".equals(widgetJs("return root.activeElement && root.activeElement.className")));
        assertThat(launcher.isDisplayed()).isTrue();
    }

    @Test
    void widgetWithoutASiteUrlOpensTheSearchServersArticle() {
        browser.colorScheme("dark");
        browser.viewport(360, 780, true);
        browser.driver.get(hostOrigin + "/app.html");
        SearchContext root = widget();
        root.findElement(By.cssSelector(".hs-launch")).click();
        browser.await("dialog open", d -> "true".equals(widgetJs("return String(root.querySelector('dialog').open)")));
        type("port in use");
        browser.await(
                "widget results",
                d -> "Port conflict"
                        .equals(
                                widgetJs(
                                        "const h = root.querySelector('[role=option] .hs-option-heading'); return h && h.textContent")));
        assertThat(browser.jsLong("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(360);
        browser.screenshot("widget-dark-360px");
        type(Keys.ENTER);
        browser.await(
                "landed on the search server's article",
                d -> d.getCurrentUrl().startsWith(base + "/troubleshooting/gateway-fails-to-start?")
                        && d.getCurrentUrl().endsWith("#port-conflict"));
        assertHeadingInView("port-conflict");
    }
}
