import Foundation
import TenantCLI
import Testing

/// When output is coloured: a terminal, no `NO_COLOR` (set and not empty, per no-color.org), no `TERM=dumb`. The
/// terminal check is injected: a test's own output is never a terminal, so a child process could not show it.
@Suite struct TerminalStyleTests {
    static func style(terminal: Bool, _ environment: [String: String], fileDescriptor: Int32 = STDOUT_FILENO) -> TerminalStyle {
        TerminalStyle.detect(fileDescriptor: fileDescriptor, environment: environment, isTerminal: { _ in terminal })
    }

    @Test func aTerminalGetsColourAndProgress() {
        let style = Self.style(terminal: true, ["TERM": "xterm-256color"])
        #expect(style.color && style.interactive)
    }

    @Test(arguments: ["1", "true", "0"])
    func noColorSetAndNotEmptyTurnsColourOffButNotProgress(value: String) {
        let style = Self.style(terminal: true, ["NO_COLOR": value])
        #expect(!style.color)
        #expect(style.interactive)
    }

    @Test func anEmptyNoColorIsNotSet() {
        #expect(Self.style(terminal: true, ["NO_COLOR": ""]).color)
    }

    @Test func aDumbTerminalGetsNeither() {
        let style = Self.style(terminal: true, ["TERM": "dumb"])
        #expect(!style.color && !style.interactive)
    }

    @Test func notATerminalGetsNeitherWhateverTheEnvironment() {
        for environment in [[:], ["NO_COLOR": ""], ["TERM": "xterm-256color"]] {
            let style = Self.style(terminal: false, environment)
            #expect(!style.color && !style.interactive, "\(environment)")
        }
    }

    @Test func theCheckIsAskedAboutTheStreamGiven() {
        var asked: [Int32] = []
        _ = TerminalStyle.detect(fileDescriptor: STDERR_FILENO, environment: [:], isTerminal: { asked.append($0); return true })
        _ = TerminalStyle.detect(environment: [:], isTerminal: { asked.append($0); return true })
        #expect(asked == [STDERR_FILENO, STDOUT_FILENO])
    }
}
