import Hummingbird
import NIOCore

/// The request context, keeping the connection's channel so a fault can drop it mid-request.
struct EmulatorRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}
