import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// One HTTP(S) POST of a JSON body, waited for, on SwiftNIO (already here for PostgresNIO).
///
/// Why not URLSession: on Linux it lives in FoundationNetworking, which links libcurl, and a static
/// libcurl is not there to link: with it the installed `promptlint` could not be one file with the
/// Swift runtime inside (issue 14). NIO and BoringSSL link statically.
struct WebhookPoster {
    var url: URL
    var timeout: TimeInterval

    /// Posts and waits; the error text, or nil on a 2xx answer.
    func post(_ body: String) -> String? {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty else {
            return "not an http(s) URL: \(url.absoluteString)"
        }
        let tls = scheme == "https"
        let port = url.port ?? (tls ? 443 : 80)
        var path = url.path.isEmpty ? "/" : url.path
        if let query = url.query { path += "?" + query }
        do {
            let status = try exchange(host: host, port: port, tls: tls, path: path, body: body)
            return (200..<300).contains(status) ? nil : "HTTP \(status)"
        } catch let error as NIOSSLError {
            return "TLS: \(error)"
        } catch {
            return "\(error)"
        }
    }

    private func exchange(host: String, port: Int, tls: Bool, path: String, body: String) throws -> UInt {
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let sslContext = tls ? try NIOSSLContext(configuration: .makeClientConfiguration()) : nil
        let limit = TimeAmount.milliseconds(Int64(timeout * 1000))
        let answer = loop.makePromise(of: UInt.self)
        // Every path completes the promise (NIO reports a promise dropped uncompleted).
        let connected = ClientBootstrap(group: loop)
            .connectTimeout(limit)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let sslContext {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: sslContext, serverHostname: host))
                    }
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(ResponseStatusHandler(answer: answer))
                }
            }
            .connect(host: host, port: port)
        let channel: Channel
        do {
            channel = try connected.wait()
        } catch {
            answer.fail(error)
            throw error
        }
        defer { _ = try? channel.close().wait() }
        // A server that accepts and never answers must not hang the command.
        let deadline = loop.scheduleTask(in: limit) { answer.fail(WebhookTimeout(seconds: timeout)) }
        defer { deadline.cancel() }

        var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: path)
        let hostHeader = (tls && port == 443) || (!tls && port == 80) ? host : "\(host):\(port)"
        head.headers.add(name: "Host", value: hostHeader)
        head.headers.add(name: "Content-Type", value: "application/json")
        head.headers.add(name: "Content-Length", value: String(body.utf8.count))
        head.headers.add(name: "Connection", value: "close")
        head.headers.add(name: "User-Agent", value: "promptlint")
        channel.write(HTTPClientRequestPart.head(head), promise: nil)
        channel.write(HTTPClientRequestPart.body(.byteBuffer(ByteBuffer(string: body))), promise: nil)
        channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
        return try answer.futureResult.wait()
    }
}

struct WebhookTimeout: Error, CustomStringConvertible {
    var seconds: TimeInterval
    var description: String { "no answer within \(Int(seconds)) s" }
}

struct WebhookConnectionClosed: Error, CustomStringConvertible {
    var description: String { "the server closed the connection without an answer" }
}

/// Completes the promise with the response's status code once the whole response has arrived.
private final class ResponseStatusHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart
    private let answer: EventLoopPromise<UInt>
    private var status: UInt?

    init(answer: EventLoopPromise<UInt>) { self.answer = answer }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): status = head.status.code
        case .body: break
        case .end:
            if let status { answer.succeed(status) }
            context.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        answer.fail(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        // After a success this is a no-op: a promise completes once.
        answer.fail(WebhookConnectionClosed())
        context.fireChannelInactive()
    }
}
