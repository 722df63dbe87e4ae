import Foundation
#if canImport(Glibc)
import Glibc
#endif

// Children with pipes for stdin, stdout and stderr, started by `posix_spawn` instead of Foundation's `Process`:
// `Process.run()` crashed the test process now and then (a memcpy inside it, even with every launch serialized),
// and `posix_spawn` needs nothing but C strings and file actions that are all made before the call.

private typealias AddChdirFunction = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>,
                                                      UnsafePointer<CChar>) -> Int32
private typealias AddClosefromFunction = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>,
                                                          Int32) -> Int32

/// glibc has these (2.29 and 2.34 onwards), but Swift's Glibc module leaves them out (they need `_GNU_SOURCE`),
/// so they are looked up by name once.
private let addChdir: AddChdirFunction? = glibcFunction("posix_spawn_file_actions_addchdir_np")
/// Optional: without it the child still gets none of the test's pipes, which are all close-on-exec.
private let addClosefrom: AddClosefromFunction? = glibcFunction("posix_spawn_file_actions_addclosefrom_np")

private func glibcFunction<F>(_ name: String) -> F? {
    guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, name) else { return nil }
    return unsafeBitCast(symbol, to: F.self)
}

/// A NULL-terminated array of C strings (argv or envp), freed with the object.
private final class CStringArray {
    let pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    private let count: Int

    init(_ strings: [String]) throws {
        count = strings.count
        pointer = .allocate(capacity: strings.count + 1)
        pointer.initialize(repeating: nil, count: strings.count + 1)
        for (i, s) in strings.enumerated() {
            // strdup fails only without memory; the deinit frees what was made.
            guard let copy = strdup(s) else { throw HarnessError.spawn("strdup: errno \(errno)") }
            pointer[i] = copy
        }
    }

    deinit {
        for i in 0..<count { free(pointer[i]) }
        pointer.deallocate()
    }
}

/// How a child ended, as Foundation's `Process.terminationStatus` reported it: the exit code, or the number of
/// the signal that killed it (then `signaled` is true).
struct ChildExit {
    let status: Int32
    let signaled: Bool
}

/// A child started by `spawnChild`: its pid and the test's ends of its standard streams, which the caller closes.
struct SpawnedChild: Sendable {
    let pid: pid_t
    /// Write end of the child's stdin.
    let stdin: Int32
    /// Read end of the child's stdout.
    let stdout: Int32
    /// Read end of the child's stderr.
    let stderr: Int32

    /// Blocks until the child has ended, without reaping it, so its pid stays valid for `kill` until `reap()`.
    func waitUntilEnded() {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0, errno == EINTR {}
    }

    /// Waits for the child's end and reaps it.
    func reap() throws -> ChildExit {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { throw HarnessError.spawn("waitpid(\(pid)): errno \(errno)") }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which are C macros Swift does not import.
        let low = status & 0x7F
        return low == 0 ? ChildExit(status: (status >> 8) & 0xFF, signaled: false)
                        : ChildExit(status: low, signaled: true)
    }
}

/// A pipe whose both ends are close-on-exec, so no other child inherits them; made under `launchLock`,
/// which keeps a concurrent `forkpty` from copying them before the flag is set.
private func closeOnExecPipe() throws -> (read: Int32, write: Int32) {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { throw HarnessError.spawn("pipe: errno \(errno)") }
    _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
    _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
    return (fds[0], fds[1])
}

/// Starts `executable` (a path; no PATH search, like `Process.executableURL`) with `arguments`, the environment
/// `env` (the test's own when nil), in `directory` (the test's when nil), with stdin, stdout and stderr pipes.
///
/// The child gets default SIGPIPE handling, an empty signal mask, its own process group (as `Process` gave it)
/// and no descriptors but the three pipes.
func spawnChild(_ executable: String, _ arguments: [String], env: [String: String]?,
                directory: String?) throws -> SpawnedChild {
    _ = ignoreSigpipeOnce
    let argv = try CStringArray([executable] + arguments)
    let envp = try CStringArray((env ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" })
    if directory != nil, addChdir == nil {
        throw HarnessError.spawn("posix_spawn_file_actions_addchdir_np is missing from this glibc")
    }

    var attributes = posix_spawnattr_t()
    guard posix_spawnattr_init(&attributes) == 0 else { throw HarnessError.spawn("posix_spawnattr_init") }
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t(), defaults = sigset_t()
    sigemptyset(&noSignals)
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGPIPE)
    let flags = Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
    guard posix_spawnattr_setsigmask(&attributes, &noSignals) == 0,
          posix_spawnattr_setsigdefault(&attributes, &defaults) == 0,
          posix_spawnattr_setpgroup(&attributes, 0) == 0,
          posix_spawnattr_setflags(&attributes, flags) == 0 else {
        throw HarnessError.spawn("posix_spawnattr_set…")
    }

    var actions = posix_spawn_file_actions_t()
    guard posix_spawn_file_actions_init(&actions) == 0 else { throw HarnessError.spawn("posix_spawn_file_actions_init") }
    defer { posix_spawn_file_actions_destroy(&actions) }

    launchLock.lock()
    defer { launchLock.unlock() }
    var made: [Int32] = []
    func closeAll(_ fds: [Int32]) { for fd in fds { close(fd) } }
    let input: (read: Int32, write: Int32), output: (read: Int32, write: Int32), errors: (read: Int32, write: Int32)
    do {
        input = try closeOnExecPipe(); made += [input.read, input.write]
        output = try closeOnExecPipe(); made += [output.read, output.write]
        errors = try closeOnExecPipe(); made += [errors.read, errors.write]
    } catch {
        closeAll(made)
        throw error
    }
    // dup2 leaves the copies on 0, 1 and 2 without close-on-exec; everything from 3 up is closed in the child.
    var rc = posix_spawn_file_actions_adddup2(&actions, input.read, 0)
    if rc == 0 { rc = posix_spawn_file_actions_adddup2(&actions, output.write, 1) }
    if rc == 0 { rc = posix_spawn_file_actions_adddup2(&actions, errors.write, 2) }
    if rc == 0, let addClosefrom { rc = addClosefrom(&actions, 3) }
    if rc == 0, let directory, let addChdir { rc = addChdir(&actions, directory) }
    var pid: pid_t = 0
    if rc == 0 {
        if let path = argv.pointer[0] {
            rc = posix_spawn(&pid, path, &actions, &attributes, argv.pointer, envp.pointer)
        } else {
            rc = EINVAL
        }
    }
    closeAll([input.read, output.write, errors.write])
    guard rc == 0 else {
        closeAll([input.write, output.read, errors.read])
        throw HarnessError.spawn("\(executable): \(String(cString: strerror(rc)))")
    }
    return SpawnedChild(pid: pid, stdin: input.write, stdout: output.read, stderr: errors.read)
}

/// Reads `fd` to end of file.
func readToEnd(_ fd: Int32) -> [UInt8] {
    var all: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n < 0, errno == EINTR { continue }
        if n <= 0 { return all }
        all.append(contentsOf: chunk[0..<n])
    }
}

/// Writes all of `bytes` to `fd`, stopping early only on an error (EPIPE once the reader is gone).
func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeBytes { buffer -> Int in
            guard let base = buffer.baseAddress else { return -1 }
            return write(fd, base + offset, buffer.count - offset)
        }
        if n < 0, errno == EINTR { continue }
        if n <= 0 { return }
        offset += n
    }
}
