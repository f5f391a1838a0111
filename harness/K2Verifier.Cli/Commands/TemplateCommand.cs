using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.Common;
using K2Verifier.Templates;

namespace K2Verifier.Cli.Commands;

/// <summary>
/// <c>template render --template FILE --input FILE [--add-generation-prompt]</c>: prints the prompt a chat template
/// renders for a request, exactly as Hugging Face's <c>apply_chat_template</c> would (UTF-8, no added newline).
/// </summary>
internal static class TemplateCommand
{
    public static Command Create(CliConsole console)
    {
        var template = new Option<FileInfo>("--template")
        {
            Description = "A Jinja chat template (.jinja) or a tokenizer_config.json (chat_template as a string or a list of named templates).",
            Required = true,
        };
        var input = new Option<FileInfo>("--input")
        {
            Description = "A JSON object {\"messages\", \"tools\"?, …}; other keys become template variables (a K2VV request body works as it is).",
            Required = true,
        };
        var generationPrompt = new Option<bool>("--add-generation-prompt") { Description = "End the prompt with the assistant turn opener." };
        var render = new Command("render", "Render a chat template for a request, byte for byte as Hugging Face apply_chat_template.")
        {
            template, input, generationPrompt,
        };
        render.SetAction(async (parseResult, cancellationToken) =>
        {
            var chatTemplate = Load(parseResult.GetValue(template)!);
            var request = ReadInput(parseResult.GetValue(input)!, parseResult.GetValue(generationPrompt));
            string prompt;
            try
            {
                prompt = chatTemplate.Render(request);
            }
            catch (TemplateException ex)
            {
                throw new UsageException($"the template failed: {ex.Message}", ex);
            }

            await WriteAsync(console, prompt, cancellationToken).ConfigureAwait(false);
            return (int)ExitCode.Ok;
        });

        var command = new Command("template", "Chat templates: render prompts as Hugging Face transformers does.");
        command.Subcommands.Add(render);
        command.Subcommands.Add(TemplateLintCommand.Create(console));
        return command;
    }

    internal static ChatTemplate Load(FileInfo file)
    {
        try
        {
            return ChatTemplate.Load(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read template {file}: {ex.Message}", ex);
        }
        catch (TemplateException ex)
        {
            throw new UsageException(ex.Message, ex);
        }
    }

    private static ChatTemplateRequest ReadInput(FileInfo file, bool addGenerationPrompt)
    {
        try
        {
            var node = JsonNode.Parse(File.ReadAllText(file.FullName)) as JsonObject
                ?? throw new UsageException($"{file}: expected a JSON object with \"messages\"");
            return ChatTemplateRequest.FromInput(node, addGenerationPrompt);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read input {file}: {ex.Message}", ex);
        }
        catch (JsonException ex)
        {
            throw new UsageException($"{file}: not valid JSON: {ex.Message}", ex);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"{file}: {ex.Message.Split(" (Parameter", 2)[0]}", ex);
        }
    }

    /// <summary>The process's stdout gets the UTF-8 bytes directly, whatever the console encoding; other writers get the text.</summary>
    private static async Task WriteAsync(CliConsole console, string prompt, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(console, CliConsole.System))
        {
            await Console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            var stdout = Console.OpenStandardOutput();
            await using (stdout.ConfigureAwait(false))
            {
                await stdout.WriteAsync(new UTF8Encoding(false).GetBytes(prompt), cancellationToken).ConfigureAwait(false);
                await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        await console.Out.WriteAsync(prompt.AsMemory(), cancellationToken).ConfigureAwait(false);
    }
}
