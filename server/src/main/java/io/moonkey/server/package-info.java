/**
 * The server: bytes come in through {@link io.moonkey.server.net.EventLoop} and are parsed by
 * {@link io.moonkey.server.resp.RespParser}; {@link io.moonkey.server.Dispatcher} checks and runs
 * them through the one {@link io.moonkey.server.command.CommandTable}; commands work on the
 * {@code io.moonkey.datastore} keyspace and answer through a
 * {@link io.moonkey.server.resp.ReplySink} ({@link io.moonkey.server.resp.RespWriter} on the
 * network). Data changes leave through the {@link io.moonkey.server.PropagationStream}.
 *
 * <h2>Seams for scripting</h2>
 * <ul>
 *   <li>Command lookup: {@code server.commands().resolve(argv)} gives the {@link
 *       io.moonkey.server.command.CommandSpec} (subcommand for containers) or null; check
 *       {@code spec.arityAccepts(argv.length)} and flags with {@code spec.has(CommandFlag.NOSCRIPT)},
 *       {@code WRITE}, {@code DENYOOM}, {@code MAY_REPLICATE}, {@code ALLOW_BUSY}...</li>
 *   <li>The script's fake client: {@code server.newInternalSession()}, then
 *       {@code setScriptCaller(true)}, {@code select(callerDb)}; its RESP version is what the
 *       sink passed in reports through {@code protocol()}.</li>
 *   <li>Running a command in-process: {@code server.dispatcher().call(session, spec, argv, sink)}
 *       runs it with statistics, MONITOR feed and propagation but without client-level checks
 *       (those are the script's, scripting.md section 4.6). Replies arrive as calls on the sink;
 *       errors as {@code sink.error("CODE message")}.</li>
 *   <li>Busy scripts: {@code server.setBusyMessage(...)} makes the dispatcher answer other clients'
 *       non-{@code allow_busy} commands with that error; {@code channel.pauseInput(true)} on the
 *       caller and periodic {@code server.eventLoop().pollWhileBusy()} serve the others.</li>
 *   <li>Effects replication: an EVAL is one execution unit of the {@link
 *       io.moonkey.server.PropagationStream} (the dispatcher brackets every top-level call), so
 *       the writes its commands make are emitted once, wrapped in MULTI/EXEC when more than one.
 *       Time is frozen for the unit ({@code keyspace().now()}).</li>
 * </ul>
 */
package io.moonkey.server;
