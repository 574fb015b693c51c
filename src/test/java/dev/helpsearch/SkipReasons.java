package dev.helpsearch;

import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints every skipped or aborted test with its reason: Surefire's summary only counts them
 * ("Skipped: 1"), which leaves a reader guessing which test and why. Registered through
 * META-INF/services, so it runs for every test class.
 */
public final class SkipReasons implements TestExecutionListener {

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        print(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            print(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    private static void print(TestIdentifier test, String reason) {
        String where = test.getSource()
                .map(Object::toString)
                .map(SkipReasons::shortSource)
                .orElse(test.getDisplayName());
        String text = Optional.ofNullable(reason)
                .orElse("no reason given")
                .strip()
                .lines()
                .findFirst()
                .orElse("no reason given");
        System.out.println("[SKIPPED] " + where + ": " + text);
    }

    private static String shortSource(String source) {
        // MethodSource [className = 'a.B', methodName = 'c', ...] -> B.c
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "className = '(?:[\\w.]*\\.)?([\\w$]+)'(?:, methodName = '(\\w+)')?")
                .matcher(source);
        return m.find() ? m.group(1) + (m.group(2) == null ? "" : "." + m.group(2)) : source;
    }
}
