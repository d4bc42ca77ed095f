using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using Qilu.Platform.Cryptography;

namespace Qilu.Bench.Crypto;

/// <summary>
/// Stopwatch throughput of SM2 sign/verify: raw BouncyCastle <see cref="SM2Signer"/> against Qilu's <see cref="Sm2"/>,
/// in the same process, 1 and 2 threads. Raw and Qilu runs alternate in 1-second slices so that load from other
/// processes on a shared machine hits both alike. Options: <c>--seconds N</c> (per variant, default 3),
/// <c>--message-bytes N</c> (default 1024).
/// </summary>
internal static class CryptoThroughput
{
    public static int Run(string[] args)
    {
        var seconds = IntOption(args, "--seconds", 3);
        var messageBytes = IntOption(args, "--message-bytes", 1024);
        var message = RandomNumberGenerator.GetBytes(messageBytes);
        var key = Sm2PrivateKey.Generate();

        // Raw BouncyCastle as a careful caller would use it: domain parameters built once, one initialised signer
        // per thread reused across signatures ("reuse"), and the naive form with Init per signature ("init/call").
        var x9 = Org.BouncyCastle.Crypto.EC.CustomNamedCurves.GetByName("sm2p256v1");
        var domain = new ECDomainParameters(x9.Curve, x9.G, x9.N, x9.H);
        var rawPrivate = new ECPrivateKeyParameters(new Org.BouncyCastle.Math.BigInteger(1, key.ToBytes()), domain);
        var rawPublic = new ECPublicKeyParameters(domain.Curve.DecodePoint(key.PublicKey.ToUncompressed()), domain);
        var signature = Sm2.Sign(key, message);

        SM2Signer NewRawSigner()
        {
            var s = new SM2Signer();
            s.Init(true, new ParametersWithID(new ParametersWithRandom(rawPrivate, new SecureRandom()), "1234567812345678"u8.ToArray()));
            return s;
        }

        SM2Signer NewRawVerifier()
        {
            var s = new SM2Signer();
            s.Init(false, new ParametersWithID(rawPublic, "1234567812345678"u8.ToArray()));
            return s;
        }

        Console.WriteLine($"# Qilu crypto throughput — {TimeProvider.System.GetUtcNow().ToString("u", CultureInfo.InvariantCulture)}");
        Console.WriteLine($"# {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical CPUs, " +
                          $"{RuntimeInformation.ProcessArchitecture}, BouncyCastle {typeof(SM2Signer).Assembly.GetName().Version}");
        Console.WriteLine($"# message {messageBytes} bytes, {seconds} s per variant (1 s slices, raw/Qilu interleaved), SM2 DER, default ID");
        Console.WriteLine();

        var results = new List<(string Name, int Threads, double OpsPerSecond)>();
        foreach (var threads in new[] { 1, 2 })
        {
            var signVariants = new (string Name, Func<Action> Worker)[]
            {
                ("sign raw BC (reused signer)", () => { var s = NewRawSigner(); return () => { s.BlockUpdate(message); s.GenerateSignature(); }; }),
                ("sign Qilu Sm2.Sign", () => () => Sm2.Sign(key, message)),
                ("sign raw BC (Init per call)", () => () => { var s = NewRawSigner(); s.BlockUpdate(message); s.GenerateSignature(); }),
            };
            var verifyVariants = new (string Name, Func<Action> Worker)[]
            {
                ("verify raw BC (reused verifier)", () => { var v = NewRawVerifier(); return () => { v.BlockUpdate(message); Check(v.VerifySignature(signature)); }; }),
                ("verify Qilu Sm2.Verify", () => () => Check(Sm2.Verify(key.PublicKey, message, signature))),
                ("verify raw BC (Init per call)", () => () => { var v = NewRawVerifier(); v.BlockUpdate(message); Check(v.VerifySignature(signature)); }),
            };
            foreach (var variants in new[] { signVariants, verifyVariants })
            {
                foreach (var v in variants) Measure(v.Worker, threads, TimeSpan.FromMilliseconds(500));   // warm-up (JIT, BC precomputation)
                var totals = new double[variants.Length];
                for (var round = 0; round < seconds; round++)
                    for (var i = 0; i < variants.Length; i++)
                        totals[i] += Measure(variants[i].Worker, threads, TimeSpan.FromSeconds(1));
                for (var i = 0; i < variants.Length; i++) results.Add((variants[i].Name, threads, totals[i] / seconds));
            }
        }

        Console.WriteLine("| operation | threads | ops/s |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (name, threads, ops) in results)
            Console.WriteLine($"| {name} | {threads} | {ops.ToString("N0", CultureInfo.InvariantCulture)} |");
        Console.WriteLine();
        Console.WriteLine("| ratio Qilu / raw BC (reused) | threads | value |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var threads in new[] { 1, 2 })
        {
            double Ops(string name) => results.Single(r => r.Name == name && r.Threads == threads).OpsPerSecond;
            Console.WriteLine($"| sign | {threads} | {(Ops("sign Qilu Sm2.Sign") / Ops("sign raw BC (reused signer)")).ToString("F3", CultureInfo.InvariantCulture)} |");
            Console.WriteLine($"| verify | {threads} | {(Ops("verify Qilu Sm2.Verify") / Ops("verify raw BC (reused verifier)")).ToString("F3", CultureInfo.InvariantCulture)} |");
        }

        Console.WriteLine();
        var sm3 = Measure(() => () => Sm3.Hash(message), 1, TimeSpan.FromSeconds(1));
        var sm4Key = RandomNumberGenerator.GetBytes(16);
        var nonce = new byte[12];
        var gcm = Measure(() => () => Sm4.EncryptGcm(sm4Key, nonce, message), 1, TimeSpan.FromSeconds(1));
        Console.WriteLine($"SM3 {messageBytes} B: {sm3.ToString("N0", CultureInfo.InvariantCulture)} hashes/s " +
                          $"({(sm3 * messageBytes / 1048576).ToString("F1", CultureInfo.InvariantCulture)} MiB/s), 1 thread");
        Console.WriteLine($"SM4-GCM encrypt {messageBytes} B: {gcm.ToString("N0", CultureInfo.InvariantCulture)} ops/s " +
                          $"({(gcm * messageBytes / 1048576).ToString("F1", CultureInfo.InvariantCulture)} MiB/s), 1 thread");
        return 0;
    }

    private static void Check(bool ok)
    {
        if (!ok) throw new InvalidOperationException("Benchmark signature failed to verify.");
    }

    /// <summary>Runs <paramref name="threads"/> workers (each from its own factory call) for the duration; returns ops/s.</summary>
    private static double Measure(Func<Action> workerFactory, int threads, TimeSpan duration)
    {
        var counts = new long[threads];
        var stop = 0;
        using var ready = new Barrier(threads + 1);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var work = workerFactory();
            ready.SignalAndWait();
            long n = 0;
            while (Volatile.Read(ref stop) == 0)
            {
                work();
                n++;
            }
            counts[t] = n;
        }) { IsBackground = true }).ToArray();
        foreach (var w in workers) w.Start();
        ready.SignalAndWait();
        var clock = Stopwatch.StartNew();
        Thread.Sleep(duration);
        Volatile.Write(ref stop, 1);
        foreach (var w in workers) w.Join();
        return counts.Sum() / clock.Elapsed.TotalSeconds;
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
