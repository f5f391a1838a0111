global using K2Verifier.Core.Tests.TestSupport;
